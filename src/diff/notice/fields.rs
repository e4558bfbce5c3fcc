//! What staff call each field in the change notice ("Changed: what we say, touchpoints"),
//! in every handbook language, plus the tests that every language has every notice string.
//!
//! Keys are the field keys of the sources, as `project` produces them; a key added there
//! without a label here fails the tests, so the notice never shows a raw key to staff.

use crate::model::Language;

/// Key, then the label in en, pl, ru, sl.
static LABELS: &[(&str, [&str; 4])] = &[
    ("aka", ["synonyms", "synonimy", "синонимы", "sopomenke"]),
    (
        "ambiguous",
        [
            "double meaning",
            "dwuznaczność",
            "двойное значение",
            "dvoumnost",
        ],
    ),
    ("body", ["text", "treść", "текст", "besedilo"]),
    ("channel", ["channel", "kanał", "канал", "kanal"]),
    (
        "contact",
        [
            "contact details",
            "dane kontaktowe",
            "контакты",
            "kontaktni podatki",
        ],
    ),
    (
        "definition",
        ["definition", "definicja", "определение", "definicija"],
    ),
    ("description", ["description", "opis", "описание", "opis"]),
    (
        "effective",
        [
            "effective date",
            "data wejścia w życie",
            "дата вступления в силу",
            "datum veljavnosti",
        ],
    ),
    (
        "escalation",
        ["escalation", "eskalacja", "эскалация", "eskalacija"],
    ),
    (
        "hours",
        [
            "opening hours",
            "godziny pracy",
            "часы работы",
            "delovni čas",
        ],
    ),
    (
        "instruction",
        ["instruction", "instrukcja", "инструкция", "navodilo"],
    ),
    ("language", ["language", "język", "язык", "jezik"]),
    (
        "last_reviewed",
        [
            "date of the last review",
            "data ostatniego przeglądu",
            "дата последнего пересмотра",
            "datum zadnjega pregleda",
        ],
    ),
    ("measure", ["target", "cel", "цель", "cilj"]),
    ("name", ["name", "nazwa", "название", "naziv"]),
    (
        "never_say",
        [
            "what we never say",
            "czego nie mówimy",
            "чего мы не говорим",
            "česa ne rečemo",
        ],
    ),
    (
        "not",
        [
            "what it does not mean",
            "czego nie oznacza",
            "что не означает",
            "česa ne pomeni",
        ],
    ),
    ("order", ["order", "kolejność", "порядок", "vrstni red"]),
    (
        "organization",
        ["organisation", "organizacja", "организация", "organizacija"],
    ),
    (
        "owner",
        ["owner", "właściciel", "ответственный", "odgovorna oseba"],
    ),
    ("person", ["person", "osoba", "сотрудник", "oseba"]),
    (
        "procedure",
        ["procedure", "procedura", "порядок действий", "postopek"],
    ),
    (
        "reports_to",
        ["reports to", "przełożony", "руководитель", "nadrejeni"],
    ),
    (
        "respond_within",
        [
            "first response time",
            "czas pierwszej reakcji",
            "срок первого ответа",
            "rok za prvi odziv",
        ],
    ),
    (
        "review_every",
        [
            "review cycle",
            "cykl przeglądu",
            "периодичность пересмотра",
            "cikel pregleda",
        ],
    ),
    (
        "say",
        ["what we say", "co mówimy", "что мы говорим", "kaj rečemo"],
    ),
    ("severity", ["severity", "waga", "серьёзность", "resnost"]),
    (
        "situations",
        ["situations", "sytuacje", "ситуации", "situacije"],
    ),
    (
        "stage",
        ["journey stage", "etap ścieżki", "этап пути", "faza poti"],
    ),
    (
        "stage_names",
        [
            "stage names",
            "nazwy etapów",
            "названия этапов",
            "imena faz",
        ],
    ),
    ("stages", ["stages", "etapy", "этапы", "faze"]),
    (
        "standards",
        ["standards", "standardy", "стандарты", "standardi"],
    ),
    ("status", ["status", "status", "статус", "status"]),
    (
        "step_order",
        [
            "order of steps",
            "kolejność kroków",
            "порядок шагов",
            "vrstni red korakov",
        ],
    ),
    (
        "steps",
        ["journey steps", "kroki ścieżki", "шаги пути", "koraki poti"],
    ),
    ("tags", ["tags", "tagi", "теги", "oznake"]),
    ("team", ["team", "zespół", "команда", "ekipa"]),
    ("term", ["term", "termin", "термин", "izraz"]),
    ("text", ["text", "treść", "текст", "besedilo"]),
    ("title", ["title", "tytuł", "заголовок", "naslov"]),
    (
        "touchpoints",
        [
            "touchpoints",
            "punkty kontaktu",
            "точки контакта",
            "stične točke",
        ],
    ),
    (
        "trigger",
        [
            "how to recognise it",
            "jak ją rozpoznać",
            "как её распознать",
            "kako jo prepoznamo",
        ],
    ),
];

/// The label of a field key, or the key itself for a key without one (never in practice:
/// the tests check every key).
pub(super) fn field_label(language: Language, key: &str) -> &'static str {
    let column = match language {
        Language::En => 0,
        Language::Pl => 1,
        Language::Ru => 2,
        Language::Sl => 3,
    };
    LABELS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, labels)| labels[column])
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::super::strings::{Strings, plural, strings};
    use super::*;
    use crate::diff::project::{self, Owners};
    use crate::model::Kind;

    /// Every key the projection gives: the example has every kind, and every field of a kind
    /// is projected whether or not it has a value.
    fn field_keys() -> BTreeSet<&'static str> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let checked = crate::check_dir(&root.join("examples/sklep-kwiatek")).unwrap();
        let owners = Owners::of(&checked.handbook);
        let entities = project::entities(&checked.handbook, &owners);
        let kinds: BTreeSet<Kind> = entities.keys().map(|(kind, _)| *kind).collect();
        assert_eq!(kinds.len(), Kind::ALL.len(), "the example has every kind");
        let mut keys: BTreeSet<&str> = BTreeSet::from(["step_order"]);
        for e in entities.values() {
            keys.extend(e.fields.iter().map(|f| f.key));
            for (_, step) in &e.steps {
                keys.extend(step.fields.iter().map(|f| f.key));
            }
        }
        let settings = project::settings(&checked.handbook, &owners);
        keys.extend(settings.iter().map(|f| f.key));
        keys
    }

    #[test]
    fn every_field_has_a_label_in_every_language() {
        let keys = field_keys();
        for key in &keys {
            for &(_, language) in Language::KEYWORDS {
                assert!(
                    !field_label(language, key).is_empty(),
                    "{key} in {language:?}"
                );
            }
        }
        let labelled: Vec<&str> = LABELS.iter().map(|(k, _)| *k).collect();
        let mut sorted = labelled.clone();
        sorted.sort();
        assert_eq!(labelled, sorted, "labels are sorted by key");
        assert_eq!(
            labelled.len(),
            keys.len(),
            "no label for a key that does not exist"
        );
    }

    /// (string, placeholders it must keep)
    fn templates(s: &Strings) -> Vec<(&'static str, &'static [&'static str])> {
        vec![
            (s.title, &[]),
            (s.version_change, &["{old}", "{new}"]),
            (s.version, &["{new}"]),
            (s.effective, &["{date}"]),
            (s.intro, &[]),
            (s.no_changes, &[]),
            (s.everyone, &[]),
            (s.settings, &["{fields}"]),
            (s.handbook, &[]),
            (s.added, &["{what}"]),
            (s.removed, &["{what}"]),
            (s.changed, &["{what}"]),
            (s.tightened, &["{what}"]),
            (s.loosened, &["{what}"]),
            (s.changed_fields, &["{fields}"]),
            (s.target, &["{new}"]),
            (s.target_now, &["{new}", "{old}"]),
            (s.target_added, &["{new}"]),
            (s.target_removed, &["{old}"]),
            (s.response, &["{new}"]),
            (s.response_now, &["{new}", "{old}"]),
            (s.response_removed, &["{old}"]),
            (s.reassigned_in, &["{what}", "{owner}"]),
            (s.reassigned_in_new, &["{what}"]),
            (s.reassigned_out, &["{what}", "{owner}"]),
            (s.reassigned_out_none, &["{what}"]),
            (s.at_most, &["{value}"]),
            (s.at_least, &["{value}"]),
            (s.share, &["{share}"]),
            (s.every_case, &[]),
            (s.business_hours, &[]),
            (s.percent, &["{n}"]),
            (s.decimal, &[]),
            (s.quotes.0, &[]),
            (s.quotes.1, &[]),
            (s.step_of, &[]),
            (s.date, &["{day}", "{month}", "{year}"]),
        ]
    }

    #[test]
    fn every_language_has_every_string() {
        for &(_, language) in Language::KEYWORDS {
            let s = strings(language);
            for (text, placeholders) in templates(s) {
                assert!(!text.trim().is_empty(), "empty string in {language:?}");
                for p in placeholders {
                    assert!(text.contains(p), "{text:?} lacks {p} in {language:?}");
                }
            }
            let lists = s.periods.iter().chain(&s.kinds).chain(&s.months);
            for text in lists.chain(s.units.iter().flatten()) {
                assert!(!text.trim().is_empty(), "empty word in {language:?}");
            }
            if language != Language::En {
                let en = templates(strings(Language::En));
                let translated = templates(s)
                    .iter()
                    .zip(&en)
                    .filter(|((a, _), (b, _))| a != b)
                    .count();
                assert!(translated > en.len() / 2, "{language:?} looks untranslated");
            }
        }
    }

    #[test]
    fn plural_forms() {
        let minutes = |language, n: f64| strings(language).units[1][plural(language, n)];
        assert_eq!(minutes(Language::Pl, 1.0), "minuta");
        assert_eq!(minutes(Language::Pl, 2.0), "minuty");
        assert_eq!(minutes(Language::Pl, 5.0), "minut");
        assert_eq!(minutes(Language::Pl, 22.0), "minuty");
        assert_eq!(minutes(Language::Pl, 12.0), "minut");
        assert_eq!(minutes(Language::Ru, 21.0), "минута");
        assert_eq!(minutes(Language::Ru, 11.0), "минут");
        assert_eq!(minutes(Language::Ru, 1.5), "минуты");
        assert_eq!(minutes(Language::Sl, 2.0), "minuti");
        assert_eq!(minutes(Language::Sl, 3.0), "minute");
        assert_eq!(minutes(Language::Sl, 102.0), "minuti");
        assert_eq!(minutes(Language::En, 1.0), "minute");
        assert_eq!(minutes(Language::En, 0.5), "minutes");
    }
}
