//! The registry of diagnostic codes: one entry per kind of problem, with its documentation.
//!
//! Codes are stable: once published a code is never reused or removed, only marked retired.
//! `sok explain CODE` and `docs/diagnostics.md` are both generated from this list.

/// A diagnostic code and the documentation `sok explain` prints for it.
#[derive(Debug)]
pub struct Code {
    pub name: &'static str,
    pub summary: &'static str,
    /// Markdown with the sections "What it means", "Example" and "How to fix".
    pub docs: &'static str,
}

macro_rules! codes {
    ($($ident:ident = $name:literal, $summary:literal, $docs:literal;)*) => {
        $(pub static $ident: Code = Code { name: $name, summary: $summary, docs: $docs };)*
        /// Every code, sorted by name.
        pub static CODES: &[&Code] = &[$(&$ident),*];
    };
}

codes! {
    BUILD_OUT_DIR = "sok::build::out_dir", "the output directory would overwrite the sources",
"## What it means
`sok build` writes the handbook into an output directory and replaces it as a whole. An output
directory that is the handbook root, or contains it, would delete the sources; so would a
non-empty directory that sok did not write.

## Example
```console
$ sok build handbook --out .
```

## How to fix
Choose an output directory inside or beside the handbook, for example `--out build`. An
existing directory is only replaced when it is empty or holds the `.sok-output` marker of a
previous build, so files sok did not write are never deleted.";

    BUILD_TEMPLATE = "sok::build::template", "a template of the handbook does not work",
"## What it means
A file under the handbook's `templates/` folder overrides a built-in template (or the UI
strings of `templates/i18n/`), and it does not compile or render: a Tera syntax error, an
unknown variable or filter, or a TOML error in a catalogue. Nothing is written.

## Example
```text
error[sok::build::template]: template `html/standard.html.tera`: Variable `standard.titel` not found
```

## How to fix
Fix the template (docs/templates.md lists every variable each template gets), or delete the
file to use the built-in one again.";

    DISCOVER_NO_HANDBOOK = "sok::discover::no_handbook", "the directory is not a handbook",
"## What it means
The directory given to sok has no `sok.toml`, so it is not a handbook root (or it does not
exist at all).

## Example
```console
$ sok check docs/
error[sok::discover::no_handbook]: `docs/sok.toml` not found
```

## How to fix
Run sok on the directory that holds `sok.toml`, or create one with at least `[handbook]`
`title`, `language` and `version`.";

    DISCOVER_STRAY_FILE = "sok::discover::stray_file", "a file outside the places sok reads",
"## What it means
Every file of a handbook has a place: `sok.toml`, a `.toml` collection file, a file under a
kind folder (`journeys/`, `situations/`, `standards/`, `touchpoints/`, `owners/`, `chapters/`),
or anything under `assets/` and `templates/`. A file elsewhere would be silently ignored, so it
is reported instead. A kind folder only takes `.md` and `.toml` files (`chapters/` only `.md`).
Symbolic links and files whose names are not UTF-8 are reported here too: sok does not follow
links, so that nothing from outside the handbook root can enter it.

## Example
```text
standrads/phone-answer.md     <- misspelt folder
standards/notes.txt           <- not .md or .toml
```

## How to fix
Move the file to the folder it belongs in, fix the folder's name, or move it under `assets/`.
Hidden files, `README.md` and `LICENSE*` at the root are skipped on purpose.";

    ID_DUPLICATE = "sok::id::duplicate", "two entities of one kind share an id",
"## What it means
Ids are unique within their kind (steps: within their journey). Terms and principles without
an explicit `id` get one from their text, so two terms that slug to the same id collide too.

## Example
```toml
[[owner]]
id = \"shift-lead\"
name = \"Kierownik zmiany\"

[[owner]]
id = \"shift-lead\"
name = \"Kierownik sklepu\"
```

## How to fix
Rename one of the two. References elsewhere must then use the new id.";

    IO_ENCODING = "sok::io::encoding", "a file is not valid UTF-8",
"## What it means
Handbook files must be UTF-8 (a leading byte-order mark is accepted). The file named contains
bytes that are not UTF-8, often because it was saved as Windows-1250 or CP1251.

## Example
A `standards/odbior.md` saved by an old editor in Windows-1250.

## How to fix
Convert the file, for example `iconv -f WINDOWS-1250 -t UTF-8 in.md > out.md`, or save it
again as UTF-8 in your editor.";

    IO_READ = "sok::io::read", "a file or folder could not be read",
"## What it means
The operating system refused to read a file or list a folder (permissions, a broken link, a
file removed while sok was reading).

## Example
```text
error[sok::io::read]: cannot read `standards/x.md`: permission denied
```

## How to fix
Check the file's permissions and that it still exists.";

    JOURNEY_STAGE_ORDER = "sok::journey::stage_order", "a journey lists its stages out of order",
"## What it means
A journey may narrow the handbook's stage list with its own `stages`, but must keep the
handbook's order: the customer's path does not run backwards.

## Example
```toml
# sok.toml: stages = [\"awareness\", \"consideration\", \"decision\", \"post-purchase\"]
stages = [\"decision\", \"awareness\"]
```

## How to fix
List the stages in the order of `[journey].stages` in `sok.toml`.";

    JOURNEY_UNKNOWN_STAGE = "sok::journey::unknown_stage", "a stage that is not in the stage list",
"## What it means
A step's `stage` must be one of its journey's stages (the journey's own `stages`, or else the
handbook's `[journey].stages`); a journey's own `stages` must come from the handbook's list.

## Example
```toml
[[step]]
id = \"callback\"
stage = \"aftersales\"   # the list has \"post-purchase\"
```

## How to fix
Use a stage from the list, or add the stage to `[journey].stages` in `sok.toml`.";

    LINK_MISSING = "sok::link::missing", "a link or image points at a file that does not exist",
"## What it means
Links and images in Markdown are relative to the file that contains them, as on a git hosting
site. The target of this one does not exist in the handbook.

## Example
```markdown
![Logo](../assets/logo.png)   <!-- assets/logo.png is missing -->
```

## How to fix
Fix the path, or add the file under `assets/`.";

    LINK_OUTSIDE_ROOT = "sok::link::outside_root", "a link or image points outside the handbook",
"## What it means
A relative link or image leads out of the handbook root. sok never reads such files, so the
handbook would show a broken image or link, and a build could leak files it should not.

## Example
```markdown
![Logo](../../company/logo.png)
```

## How to fix
Copy the file into the handbook's `assets/` folder and link to it there.";

    LINT_UNKNOWN_RULE = "sok::lint::unknown_rule", "a lint rule name that does not exist",
"## What it means
`[lint]` in `sok.toml`, an entity's `lint.allow`, or `--select`/`--ignore` names a rule sok
does not have.

## Example
```toml
[lint]
\"long-sentences\" = \"off\"   # the rule is `long-sentence`
```

## How to fix
Use a rule name from `sok rules` (or `docs/rules.md`).";

    MEASURE_BOUND = "sok::measure::bound", "a measure needs exactly one bound",
"## What it means
A `[measure]` is checkable only with one bound: `max` (each event at most this) or `min` (at
least this). It has neither, or both.

## Example
```toml
[measure]
metric = \"answer_time\"
share = 90
```

## How to fix
Add `max = \"2 min\"` (or `min = ...` for metrics that must reach a floor), and only one of them.";

    MEASURE_BOUND_KIND = "sok::measure::bound_kind", "a bound of the wrong kind for its metric",
"## What it means
A duration metric is bounded by a duration, a percent metric by a percentage, `nps` by a number
from -100 to 100, and a custom metric by a number in its `unit` (or a duration when the unit is
a time unit).

## Example
```toml
[measure]
metric = \"csat\"
min = \"2 min\"
```

## How to fix
Give the bound the metric's kind: `min = 85` for `csat`, `max = \"2 min\"` for `answer_time`.";

    MEASURE_DIRECTION = "sok::measure::direction", "a bound in the wrong direction for its metric",
"## What it means
Built-in metrics have a direction: times and the complaint and abandonment rates are bounded
from above (`max`), satisfaction, first-contact resolution, audit scores and NPS from below
(`min`). The other direction would reward bad service.

## Example
```toml
[measure]
metric = \"answer_time\"
min = \"2 min\"
```

## How to fix
Use `max` for the metrics that should stay low and `min` for those that should stay high.";

    MEASURE_SHARE = "sok::measure::share", "`share` on a metric that is one figure per period",
"## What it means
`share` is the percentage of events that must meet the bound, so it belongs to per-event
metrics (the durations, and custom metrics measured per event). Percent metrics such as `csat`
or `complaint_rate` are one figure per period.

## Example
```toml
[measure]
metric = \"csat\"
min = 85
share = 90
```

## How to fix
Remove `share`; the bound applies to the period's figure.";

    MEASURE_UNIT_MISSING = "sok::measure::unit_missing", "a custom metric without a unit",
"## What it means
sok knows the unit of its built-in metrics. Any other metric name is accepted only with its
`unit`, so the bound can be read and checked.

## Example
```toml
[measure]
metric = \"gift_value\"
min = 20
```

## How to fix
Add `unit = \"PLN\"` (or `\"count\"`, `\"min\"`, ...), or use a built-in metric name.";

    PARSE_FRONT_MATTER = "sok::parse::front_matter", "a Markdown file without valid `+++` front matter",
"## What it means
A `.md` file under a kind folder starts with TOML front matter between two lines of `+++`,
then its Markdown body. The opening or the closing `+++` line is missing.

## Example
```markdown
+++
title = \"Odbieramy telefon w ciągu 2 minut\"
owner = \"shift-lead\"

W każdym miesiącu ...
```

## How to fix
Put a line with exactly `+++` before and after the front matter.";

    PARSE_TOML = "sok::parse::toml", "TOML syntax error",
"## What it means
The file (or the front matter of a Markdown file) is not valid TOML. The position is exact,
also inside front matter.

## Example
```toml
title = \"Odbieramy telefon
```

## How to fix
Fix the syntax at the marked place: close strings, quote text values, one key per line.";

    REF_CYCLE = "sok::ref::cycle", "reporting lines that go round in a circle",
"## What it means
`reports_to` builds the organisation's reporting lines. Following them from this owner comes
back to the same owner, so nobody is at the top.

## Example
```toml
[[owner]]
id = \"a\"
reports_to = \"b\"

[[owner]]
id = \"b\"
reports_to = \"a\"
```

## How to fix
Remove `reports_to` from the owner at the top of the chain.";

    REF_UNKNOWN = "sok::ref::unknown", "a reference to an id that does not exist",
"## What it means
A field that names another entity (an owner, touchpoint, standard, situation, or a step as
`journey/step`) names an id that no entity of that kind has. The closest existing id is
suggested.

## Example
```toml
owner = \"shift-leed\"
```

## How to fix
Correct the id, or add the missing entity.";

    SCHEMA_MISSING_FIELD = "sok::schema::missing_field", "a required field is missing",
"## What it means
Every kind has required fields (see `docs/format.md`): an owner needs `name`, a standard
`title` and `owner`, a step `id`, `name`, `stage` and `owner`, and so on.

## Example
```toml
[[touchpoint]]
id = \"hotline\"
name = \"Infolinia\"
owner = \"shift-lead\"
# channel is missing
```

## How to fix
Add the field named in the message.";

    SCHEMA_TEXT_TWICE = "sok::schema::text_twice", "both a body and its key in one Markdown file",
"## What it means
In a `.md` file the body is the entity's main text (`description`, `procedure` or `text`).
Giving the key in the front matter as well leaves two texts for one place.

## Example
```markdown
+++
title = \"...\"
text = \"W każdym miesiącu ...\"
+++
W każdym miesiącu ...
```

## How to fix
Keep the text in one place: the body, or the key with an empty body.";

    SCHEMA_UNKNOWN_KEY = "sok::schema::unknown_key", "a key the format does not define",
"## What it means
Unknown keys are errors, so that a typo such as `ownr` or `reviw_every` is never silently
ignored. The closest known key is suggested.

## Example
```toml
[[owner]]
id = \"shift-lead\"
nmae = \"Kierownik zmiany\"
```

## How to fix
Correct the key. The keys of every kind are listed in `docs/format.md`.";

    SCHEMA_UNKNOWN_KIND = "sok::schema::unknown_kind", "a top-level key that names no kind",
"## What it means
A `.toml` file outside the kind folders holds entities as arrays of tables named after their
kind: `[[owner]]`, `[[touchpoint]]`, `[[journey]]`, `[[situation]]`, `[[standard]]`,
`[[term]]`, `[[principle]]`. Any other top-level key is an error.

## Example
```toml
[[owners]]
id = \"shift-lead\"
```

## How to fix
Use the singular kind name, `[[owner]]`.";

    SCHEMA_WRONG_TYPE = "sok::schema::wrong_type", "a value of the wrong TOML type",
"## What it means
The value has another type than the field takes: a number where text is expected, a single
string where a list is expected, a quoted date, and so on.

## Example
```toml
touchpoints = \"hotline\"      # a list is expected
last_reviewed = \"2026-02-10\" # a date is written without quotes
```

## How to fix
Write the value in the type the message names: `touchpoints = [\"hotline\"]`,
`last_reviewed = 2026-02-10`.";

    SITUATION_ESCALATION_ORDER = "sok::situation::escalation_order", "an escalation ladder out of order",
"## What it means
The steps of `[[escalation]]` count from the moment the situation starts and must come in
increasing `after` order (business days count as days when compared).

## Example
```toml
[[escalation]]
after = \"4 h\"
to = \"shift-lead\"

[[escalation]]
after = \"1 h\"
to = \"cx-manager\"
```

## How to fix
Order the steps by `after`, each later than the one before.";

    VALUE_CHOICE = "sok::value::choice", "a value that is not one of the allowed words",
"## What it means
Some fields take one word from a fixed list: `language` (en, pl, ru, sl), `channel`,
`severity`, `status`, `period`, `hours`, and lint levels.

## Example
```toml
channel = \"telephone\"   # one of phone, email, chat, social, store, web, mail, other
```

## How to fix
Use one of the words the help line lists.";

    VALUE_DATE = "sok::value::date", "a date that is not a plain calendar date",
"## What it means
Dates are TOML local dates such as `2026-03-01`: no time of day and no time zone.

## Example
```toml
last_reviewed = 2026-03-01T10:00:00
```

## How to fix
Write only the date: `last_reviewed = 2026-03-01`.";

    VALUE_DURATION = "sok::value::duration", "a duration sok cannot read",
"## What it means
Durations are strings with a number and a unit: `\"30 s\"`, `\"2 min\"`, `\"4 h\"`, `\"1 d\"`,
`\"3 business days\"`, `\"1 week\"`, `\"6 months\"`, `\"1 year\"`. The bare letter `m` is
rejected because it could mean minutes or months.

## Example
```toml
max = \"2 m\"
```

## How to fix
Write the unit out: `\"2 min\"` or `\"2 months\"`.";

    VALUE_ID = "sok::value::id", "an id that is not lowercase kebab-case",
"## What it means
Ids are lowercase ASCII words joined by single hyphens: `[a-z0-9]+(-[a-z0-9]+)*`. They become
file names and anchors, so they must be stable and portable. An id taken from a file name
must follow the same rule.

## Example
```toml
id = \"Shift_Lead\"
```

## How to fix
Use `shift-lead`, or rename the file, or set `id` explicitly.";

    VALUE_NUMBER = "sok::value::number", "a number outside its range",
"## What it means
The number is outside the range the field accepts: `max_sentence_words` outside 1..1000, or
an NPS bound outside -100..100.

## Example
```toml
[lint]
max_sentence_words = 0
```

## How to fix
Use a number within the range the message gives.";

    VALUE_PERCENT = "sok::value::percent", "a percentage outside 0..100",
"## What it means
Percentages are plain numbers from 0 to 100 (`90`, `99.5`), without a `%` sign.

## Example
```toml
share = 190
```

## How to fix
Write a number between 0 and 100.";

    VALUE_VERSION = "sok::value::version", "a version that is not a semantic version",
"## What it means
`[handbook].version` is the edition's semantic version, `MAJOR.MINOR.PATCH`, so that `sok diff`
can tell a patch from a minor or major change.

## Example
```toml
version = \"v2\"
```

## How to fix
Write three numbers: `version = \"2.0.0\"`.";
}

/// The code with this name, if any.
pub fn find(name: &str) -> Option<&'static Code> {
    CODES.iter().copied().find(|c| c.name == name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_sorted_unique_and_documented() {
        for pair in CODES.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
        for code in CODES {
            assert!(code.name.starts_with("sok::"), "{}", code.name);
            for section in ["## What it means", "## Example", "## How to fix"] {
                assert!(code.docs.contains(section), "{} lacks {section}", code.name);
            }
            assert!(!code.summary.ends_with('.'), "{}", code.name);
        }
    }
}
