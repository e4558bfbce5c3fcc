//! `vague-wording`: phrases that promise without a number ("as soon as possible").

use crate::lint::phrase_set::PhraseSet;
use crate::lint::phrases::{slogans, vague_phrases};
use crate::lint::words::{Matching, Phrase, is_quoted, words};
use crate::lint::{Finding, LintContext, Rule};
use crate::model::{Kind, Level, Text};

pub(crate) static RULE: Rule = Rule {
    name: "vague-wording",
    summary: "a vague, unmeasurable phrase such as \"as soon as possible\"",
    default_level: Level::Warning,
    docs: r#"## What it does
Reports vague phrases in titles, names, texts, instructions, procedures, bodies and `say`
phrases: promises of speed without a deadline ("as soon as possible", "jak najszybciej",
"как можно быстрее", "čim prej"), conditions nobody can check ("where possible",
"w miarę możliwości", "по возможности"), and slogans in place of rules ("the customer is
always right", "klient zawsze ma rację", "клиент всегда прав", "stranka ima vedno prav",
"100% satisfaction"). A slogan gets a help of its own: a deadline does not fix it, a behaviour
a customer can observe does. "Always" and "never" alone are not reported: "we never ask for a
card's PIN" is a rule anyone can check.

The list is the built-in one for the handbook's `language`, plus `[lint].extra_vague_phrases`
in `sok.toml`. Every built-in list is in [docs/vague-phrases.md](vague-phrases.md).

Matching ignores case; the words must be whole, in order and adjacent. In Polish, Russian and
Slovenian, phrases of two or more words tolerate changed word endings, so "klienci zawsze mają
rację" and "клиенты всегда правы" are found too. A phrase of one word, and any English word,
must match exactly ("promptly" is not "prompt", "оперативно" is not "оперативный"), except that
in English phrases of two or more words a longer word may take `-s`, `-ed` or `-ing` ("making
every effort"). A phrase that is quoted as a whole (`„jak najszybciej”`) is a mention, as in
"we never write ...", and is not reported. Glossary terms and `never_say` lists are not
searched: they name vague phrases on purpose.

## Why is this bad?
A standard must be measurable, specific and time-bound. "We reply as soon as possible" cannot
be checked and means something different to every employee and every customer; "we reply
within 2 hours on working days" can. The seeds' example of what never to write is "the
customer is always right".

This rule is a warning by default, because it judges wording; handbooks that want it strict
set `"vague-wording" = "error"` in `[lint]`.

## Example
```markdown
We call the customer back as soon as possible.
```

Use instead:
```markdown
We call the customer back within 2 hours on working days.
```

```markdown
The customer is always right.
```

Use instead:
```markdown
We exchange a faulty product on the spot, without asking for a receipt.
```"#,
    check,
};

fn check<'a>(cx: &LintContext<'a>) -> Vec<Finding<'a>> {
    let (phrases, sources): (Vec<Phrase>, Vec<(Option<&'a Text>, bool)>) = phrase_list(cx)
        .into_iter()
        .map(|(phrase, extra, slogan)| (phrase, (extra, slogan)))
        .unzip();
    let set = PhraseSet::new(phrases, Matching::for_language(cx.language()));
    let mut out = Vec::new();
    for field in cx.text_fields() {
        if field.kind == Kind::Term || field.field == "never_say" {
            continue;
        }
        let text = &field.text.value;
        let tokens = words(text);
        let mut taken_to = 0;
        for (range, i) in set.find_all(text, &tokens) {
            if range.start < taken_to || is_quoted(text, &range) {
                continue;
            }
            taken_to = range.end;
            let phrase = &set.phrases[i];
            let (extra, slogan) = &sources[i];
            let written: Vec<&str> = text[range.clone()].split_whitespace().collect();
            let finding = Finding::new(
                field.text.span_of(range),
                format!("vague phrase `{}`", written.join(" ")),
            );
            let mut finding = if *slogan {
                finding.label("a slogan, not a rule: nobody can see it kept").help(format!(
                    "instead of `{}`, write what the employee does that a customer can see, e.g. \"we exchange a faulty product on the spot, without a receipt\"",
                    phrase.text
                ))
            } else {
                finding.label("no number, no deadline: cannot be checked").help(format!(
                    "say how much and by when instead of `{}`, e.g. \"within 2 hours\" or \"90% of calls\"",
                    phrase.text
                ))
            }
            .allowed_by(field.lint_allow);
            if let Some(entry) = extra {
                finding = finding.related(entry.span, "listed in `extra_vague_phrases`");
            }
            out.push(finding);
        }
    }
    out
}

/// The built-in phrases and slogans (`true`) for the handbook's language, then
/// `extra_vague_phrases` (with the entry each came from), without repeats.
fn phrase_list<'a>(cx: &LintContext<'a>) -> Vec<(Phrase, Option<&'a Text>, bool)> {
    let language = cx.language();
    let built_in = vague_phrases(language)
        .iter()
        .map(|p| (p, false))
        .chain(slogans(language).iter().map(|p| (p, true)));
    let mut list: Vec<(Phrase, Option<&'a Text>, bool)> = built_in
        .filter_map(|(p, slogan)| Phrase::new(p).map(|phrase| (phrase, None, slogan)))
        .collect();
    for entry in cx.extra_vague_phrases() {
        if let Some(phrase) = Phrase::new(&entry.value) {
            if !list.iter().any(|(p, ..)| p.same_words(&phrase)) {
                list.push((phrase, Some(entry), false));
            }
        }
    }
    list
}
