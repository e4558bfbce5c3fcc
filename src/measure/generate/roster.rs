//! The people who handle the generated events: a small roster per team, with names that
//! look like the handbook's language (Polish, Russian and Slovenian surnames agree with the
//! person's gender, as they do there).

use super::random::Rng;
use crate::model::Language;

/// One employee: the name written in `agent`, the team in `team`, and how fast they are
/// (a factor on waits; 1 is the team's median).
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Agent {
    pub(super) name: String,
    pub(super) team: String,
    pub(super) pace: f64,
}

/// First names (women's, men's) and surnames (women's form, men's form).
struct Names {
    women: &'static [&'static str],
    men: &'static [&'static str],
    surnames: &'static [(&'static str, &'static str)],
}

const POLISH: Names = Names {
    women: &[
        "Anna",
        "Katarzyna",
        "Magdalena",
        "Agnieszka",
        "Joanna",
        "Ewa",
        "Monika",
        "Natalia",
        "Aleksandra",
        "Zofia",
    ],
    men: &[
        "Piotr",
        "Tomasz",
        "Paweł",
        "Michał",
        "Krzysztof",
        "Marcin",
        "Jakub",
        "Łukasz",
        "Adam",
        "Grzegorz",
    ],
    surnames: &[
        ("Nowak", "Nowak"),
        ("Kowalska", "Kowalski"),
        ("Wiśniewska", "Wiśniewski"),
        ("Wójcik", "Wójcik"),
        ("Kamińska", "Kamiński"),
        ("Lewandowska", "Lewandowski"),
        ("Zielińska", "Zieliński"),
        ("Szymańska", "Szymański"),
        ("Dąbrowska", "Dąbrowski"),
        ("Kaczmarek", "Kaczmarek"),
        ("Mazur", "Mazur"),
        ("Krawczyk", "Krawczyk"),
    ],
};

const RUSSIAN: Names = Names {
    women: &[
        "Анна",
        "Мария",
        "Елена",
        "Ольга",
        "Наталья",
        "Татьяна",
        "Ирина",
        "Светлана",
        "Екатерина",
        "Юлия",
    ],
    men: &[
        "Алексей",
        "Дмитрий",
        "Сергей",
        "Андрей",
        "Михаил",
        "Иван",
        "Николай",
        "Павел",
        "Артём",
        "Игорь",
    ],
    surnames: &[
        ("Иванова", "Иванов"),
        ("Смирнова", "Смирнов"),
        ("Кузнецова", "Кузнецов"),
        ("Попова", "Попов"),
        ("Соколова", "Соколов"),
        ("Лебедева", "Лебедев"),
        ("Козлова", "Козлов"),
        ("Новикова", "Новиков"),
        ("Морозова", "Морозов"),
        ("Волкова", "Волков"),
        ("Павлова", "Павлов"),
        ("Егорова", "Егоров"),
    ],
};

const SLOVENIAN: Names = Names {
    women: &[
        "Ana", "Maja", "Nina", "Eva", "Sara", "Petra", "Mojca", "Tina", "Urška", "Špela",
    ],
    men: &[
        "Luka", "Jan", "Matej", "Marko", "Rok", "Tomaž", "Gregor", "Andrej", "Žiga", "Blaž",
    ],
    surnames: &[
        ("Novak", "Novak"),
        ("Horvat", "Horvat"),
        ("Kovačič", "Kovačič"),
        ("Krajnc", "Krajnc"),
        ("Zupančič", "Zupančič"),
        ("Potočnik", "Potočnik"),
        ("Kovač", "Kovač"),
        ("Mlakar", "Mlakar"),
        ("Vidmar", "Vidmar"),
        ("Golob", "Golob"),
        ("Kos", "Kos"),
        ("Turk", "Turk"),
    ],
};

const ENGLISH: Names = Names {
    women: &[
        "Emma", "Olivia", "Sophie", "Grace", "Emily", "Chloe", "Lucy", "Hannah", "Amelia", "Ruby",
    ],
    men: &[
        "James", "Oliver", "Jack", "Harry", "George", "Thomas", "Daniel", "Samuel", "Leo", "Oscar",
    ],
    surnames: &[
        ("Smith", "Smith"),
        ("Jones", "Jones"),
        ("Taylor", "Taylor"),
        ("Brown", "Brown"),
        ("Williams", "Williams"),
        ("Wilson", "Wilson"),
        ("Evans", "Evans"),
        ("Walker", "Walker"),
        ("Wright", "Wright"),
        ("Clarke", "Clarke"),
        ("Hughes", "Hughes"),
        ("Green", "Green"),
    ],
};

/// Hands out names, never the same one twice in a file.
pub(super) struct NameSource {
    names: &'static Names,
    language: Language,
    used: Vec<String>,
}

impl NameSource {
    pub(super) fn new(language: Language) -> NameSource {
        let names = match language {
            Language::Pl => &POLISH,
            Language::Ru => &RUSSIAN,
            Language::Sl => &SLOVENIAN,
            Language::En => &ENGLISH,
        };
        NameSource {
            names,
            language,
            used: Vec::new(),
        }
    }

    fn person(&mut self, rng: &mut Rng) -> String {
        loop {
            let woman = rng.chance(0.6);
            let first = match woman {
                true => self.names.women[rng.below(self.names.women.len())],
                false => self.names.men[rng.below(self.names.men.len())],
            };
            let (her, his) = self.names.surnames[rng.below(self.names.surnames.len())];
            let last = if woman { her } else { his };
            // Russian staff lists put the surname first.
            let name = match self.language {
                Language::Ru => format!("{last} {first}"),
                _ => format!("{first} {last}"),
            };
            if !self.used.contains(&name) || self.used.len() > 60 {
                self.used.push(name.clone());
                return name;
            }
        }
    }

    /// `size` people in two teams named after `team` (`… A`, `… B`).
    pub(super) fn roster(&mut self, rng: &mut Rng, team: &str, size: usize) -> Vec<Agent> {
        (0..size)
            .map(|i| Agent {
                name: self.person(rng),
                team: format!("{team} {}", if i % 2 == 0 { "A" } else { "B" }),
                pace: (0.2 * rng.normal()).exp(),
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rosters_speak_the_language_and_never_repeat_a_name() {
        let mut rng = Rng::new(3, 0);
        let mut names = NameSource::new(Language::Ru);
        let roster = names.roster(&mut rng, "Контакт-центр", 12);
        assert_eq!(roster.len(), 12);
        assert!(
            roster
                .iter()
                .all(|a| a.name.chars().any(|c| ('а'..='я').contains(&c)))
        );
        let mut all: Vec<_> = roster.iter().map(|a| &a.name).collect();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), 12);
        assert_eq!(roster[1].team, "Контакт-центр B");
    }
}
