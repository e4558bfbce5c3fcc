//! The change notice's words in every handbook language (en, pl, ru, sl).
//!
//! Sentences are written in the first person plural ("we tightened …") so that no verb has to
//! agree with the gender of the thing changed, and things are named in the case their
//! sentence needs (the accusative: "zaostrzyliśmy *sytuację*", "мы изменили *ситуацию*").
//! Numbers of units follow each language's plural rules ("2 minuty", "5 minut", "2 minuti").
//! A struct per language means a missing string is a compile error; the tests check that no
//! string is empty and that every template keeps its placeholders.

use crate::model::Language;

/// Every string of one language. `{…}` are placeholders filled in by `notice`.
pub(super) struct Strings {
    pub title: &'static str,
    pub version_change: &'static str,
    pub version: &'static str,
    pub effective: &'static str,
    pub intro: &'static str,
    pub no_changes: &'static str,
    pub everyone: &'static str,
    pub settings: &'static str,
    /// The handbook as a whole, in the accusative (for ownership sentences).
    pub handbook: &'static str,
    pub added: &'static str,
    pub removed: &'static str,
    pub changed: &'static str,
    pub tightened: &'static str,
    pub loosened: &'static str,
    pub changed_fields: &'static str,
    /// What a new `status` means for staff: active, draft, retired.
    pub status_now: [&'static str; 3],
    pub target: &'static str,
    pub target_now: &'static str,
    pub target_added: &'static str,
    pub target_removed: &'static str,
    pub response: &'static str,
    pub response_now: &'static str,
    pub response_removed: &'static str,
    pub reassigned_in: &'static str,
    pub reassigned_in_new: &'static str,
    pub reassigned_out: &'static str,
    pub reassigned_out_none: &'static str,
    pub at_most: &'static str,
    pub at_least: &'static str,
    pub share: &'static str,
    pub every_case: &'static str,
    pub business_hours: &'static str,
    pub percent: &'static str,
    pub decimal: &'static str,
    pub quotes: (&'static str, &'static str),
    /// Day, week, month, quarter, year: "each month".
    pub periods: [&'static str; 5],
    /// Term, principle, owner, touchpoint, journey, situation, standard, chapter, step: the
    /// accusative with its article, as the object of "we added …".
    pub kinds: [&'static str; 9],
    /// What joins a step to its journey: "the step “…” *of the customer journey* “…”".
    pub step_of: &'static str,
    pub months: [&'static str; 12],
    pub date: &'static str,
    /// Second, minute, hour, day, business day, week, month, year, each as
    /// [one, two, few, many, fraction] (see [`plural`]).
    pub units: [[&'static str; 5]; 8],
}

pub(super) fn strings(language: Language) -> &'static Strings {
    match language {
        Language::En => &EN,
        Language::Pl => &PL,
        Language::Ru => &RU,
        Language::Sl => &SL,
    }
}

/// The plural form a count takes: an index into a row of [`Strings::units`].
pub(super) fn plural(language: Language, n: f64) -> usize {
    const ONE: usize = 0;
    const TWO: usize = 1;
    const FEW: usize = 2;
    const MANY: usize = 3;
    const FRACTION: usize = 4;
    if n.fract() != 0.0 || !n.is_finite() || n < 0.0 {
        return FRACTION;
    }
    let n = n as u64;
    let few = (2..=4).contains(&(n % 10)) && !(12..=14).contains(&(n % 100));
    match language {
        Language::En if n == 1 => ONE,
        Language::En => MANY,
        Language::Pl if n == 1 => ONE,
        Language::Ru if n % 10 == 1 && n % 100 != 11 => ONE,
        Language::Pl | Language::Ru if few => FEW,
        Language::Pl | Language::Ru => MANY,
        Language::Sl => match n % 100 {
            1 => ONE,
            2 => TWO,
            3 | 4 => FEW,
            _ => MANY,
        },
    }
}

#[rustfmt::skip]
static EN: Strings = Strings {
    title: "What changed in this edition",
    version_change: "Version {old} → {new}.",
    version: "Version {new}.",
    effective: "This edition takes effect on {date}.",
    intro: "Each section below lists the changes for one role. Read the section for your role; \
            the changes for everyone concern the whole team.",
    no_changes: "This edition makes no changes to the standards.",
    everyone: "For everyone",
    settings: "We changed the general information about the handbook: {fields}.",
    handbook: "the handbook as a whole",
    added: "We added {what}.",
    removed: "We removed {what}.",
    changed: "We changed {what}.",
    tightened: "We tightened {what}.",
    loosened: "We relaxed {what}.",
    changed_fields: "Changed: {fields}.",
    status_now: [
        "It applies from this edition.",
        "It is a draft again and does not apply for now.",
        "It no longer applies.",
    ],
    target: "Target: {new}.",
    target_now: "Target now: {new} (was: {old}).",
    target_added: "It now has a measurable target: {new}.",
    target_removed: "It no longer has a measurable target (was: {old}).",
    response: "First response: {new}.",
    response_now: "First response now: {new} (was: {old}).",
    response_removed: "There is no longer a deadline for the first response (was: {old}).",
    reassigned_in: "You are now responsible for {what} (previously: {owner}).",
    reassigned_in_new: "You are now responsible for {what}.",
    reassigned_out: "From now on, {owner} is responsible for {what}.",
    reassigned_out_none: "You are no longer responsible for {what}.",
    at_most: "at most {value}",
    at_least: "at least {value}",
    share: "in {share} of cases",
    every_case: "in every case",
    business_hours: "in business hours",
    percent: "{n}%",
    decimal: ".",
    quotes: ("“", "”"),
    periods: [
        "each day", "each week", "each month", "each quarter", "each year",
    ],
    kinds: [
        "the term", "the principle", "the role", "the touchpoint", "the customer journey",
        "the situation", "the standard", "the chapter", "the step",
    ],
    step_of: "in the customer journey",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    date: "{day} {month} {year}",
    units: [
        ["second", "seconds", "seconds", "seconds", "seconds"],
        ["minute", "minutes", "minutes", "minutes", "minutes"],
        ["hour", "hours", "hours", "hours", "hours"],
        ["day", "days", "days", "days", "days"],
        ["business day", "business days", "business days", "business days", "business days"],
        ["week", "weeks", "weeks", "weeks", "weeks"],
        ["month", "months", "months", "months", "months"],
        ["year", "years", "years", "years", "years"],
    ],
};

#[rustfmt::skip]
static PL: Strings = Strings {
    title: "Co zmieniło się w tym wydaniu",
    version_change: "Wersja {old} → {new}.",
    version: "Wersja {new}.",
    effective: "To wydanie obowiązuje od {date}.",
    intro: "Każda sekcja poniżej opisuje zmiany dla jednej roli. Przeczytaj sekcję swojej roli; \
            zmiany dla wszystkich dotyczą całego zespołu.",
    no_changes: "To wydanie nie wprowadza zmian w standardach.",
    everyone: "Dla wszystkich",
    settings: "Zmieniliśmy ogólne informacje o podręczniku: {fields}.",
    handbook: "podręcznik jako całość",
    added: "Dodaliśmy {what}.",
    removed: "Usunęliśmy {what}.",
    changed: "Zmieniliśmy {what}.",
    tightened: "Zaostrzyliśmy {what}.",
    loosened: "Złagodziliśmy {what}.",
    changed_fields: "Zmiany: {fields}.",
    status_now: [
        "Obowiązuje od tego wydania.",
        "Wraca do wersji roboczej i na razie nie obowiązuje.",
        "Przestaje obowiązywać.",
    ],
    target: "Cel: {new}.",
    target_now: "Nowy cel: {new} (wcześniej: {old}).",
    target_added: "Standard ma teraz mierzalny cel: {new}.",
    target_removed: "Standard nie ma już mierzalnego celu (wcześniej: {old}).",
    response: "Pierwsza reakcja: {new}.",
    response_now: "Pierwsza reakcja teraz: {new} (wcześniej: {old}).",
    response_removed: "Nie ma już terminu pierwszej reakcji (wcześniej: {old}).",
    reassigned_in: "Od teraz odpowiadasz za {what} (wcześniej: {owner}).",
    reassigned_in_new: "Od teraz odpowiadasz za {what}.",
    reassigned_out: "Od teraz za {what} odpowiada: {owner}.",
    reassigned_out_none: "Nie odpowiadasz już za {what}.",
    at_most: "najwyżej {value}",
    at_least: "co najmniej {value}",
    share: "w {share} przypadków",
    every_case: "w każdym przypadku",
    business_hours: "w godzinach pracy",
    percent: "{n}%",
    decimal: ",",
    quotes: ("„", "”"),
    periods: [
        "każdego dnia", "w każdym tygodniu", "w każdym miesiącu", "w każdym kwartale",
        "w każdym roku",
    ],
    kinds: [
        "pojęcie", "zasadę", "rolę", "punkt kontaktu", "ścieżkę klienta", "sytuację", "standard",
        "rozdział", "krok",
    ],
    step_of: "w ścieżce klienta",
    months: [
        "stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia",
        "września", "października", "listopada", "grudnia",
    ],
    date: "{day} {month} {year} r.",
    units: [
        ["sekunda", "sekundy", "sekundy", "sekund", "sekundy"],
        ["minuta", "minuty", "minuty", "minut", "minuty"],
        ["godzina", "godziny", "godziny", "godzin", "godziny"],
        ["dzień", "dni", "dni", "dni", "dnia"],
        ["dzień roboczy", "dni robocze", "dni robocze", "dni roboczych", "dnia roboczego"],
        ["tydzień", "tygodnie", "tygodnie", "tygodni", "tygodnia"],
        ["miesiąc", "miesiące", "miesiące", "miesięcy", "miesiąca"],
        ["rok", "lata", "lata", "lat", "roku"],
    ],
};

#[rustfmt::skip]
static RU: Strings = Strings {
    title: "Что изменилось в этой редакции",
    version_change: "Версия {old} → {new}.",
    version: "Версия {new}.",
    effective: "Эта редакция действует с {date}.",
    intro: "Каждый раздел ниже описывает изменения для одной роли. Прочитайте раздел своей роли; \
            изменения для всех касаются всей команды.",
    no_changes: "В этой редакции стандарты не изменились.",
    everyone: "Для всех",
    settings: "Мы изменили общие сведения о своде стандартов: {fields}.",
    handbook: "свод стандартов в целом",
    added: "Мы добавили {what}.",
    removed: "Мы удалили {what}.",
    changed: "Мы изменили {what}.",
    tightened: "Мы ужесточили {what}.",
    loosened: "Мы смягчили {what}.",
    changed_fields: "Изменено: {fields}.",
    status_now: [
        "Действует с этого выпуска.",
        "Снова стал черновиком и пока не действует.",
        "Больше не действует.",
    ],
    target: "Цель: {new}.",
    target_now: "Новая цель: {new} (раньше: {old}).",
    target_added: "Теперь у стандарта есть измеримая цель: {new}.",
    target_removed: "У стандарта больше нет измеримой цели (раньше: {old}).",
    response: "Первый ответ: {new}.",
    response_now: "Первый ответ теперь: {new} (раньше: {old}).",
    response_removed: "Срока первого ответа больше нет (раньше: {old}).",
    reassigned_in: "Теперь вы отвечаете за {what} (раньше: {owner}).",
    reassigned_in_new: "Теперь вы отвечаете за {what}.",
    reassigned_out: "Теперь за {what} отвечает: {owner}.",
    reassigned_out_none: "Вы больше не отвечаете за {what}.",
    at_most: "максимум {value}",
    at_least: "минимум {value}",
    share: "в {share} случаев",
    every_case: "в каждом случае",
    business_hours: "в рабочее время",
    percent: "{n}%",
    decimal: ",",
    quotes: ("«", "»"),
    periods: [
        "каждый день", "каждую неделю", "каждый месяц", "каждый квартал", "каждый год",
    ],
    kinds: [
        "термин", "принцип", "роль", "точку контакта", "путь клиента", "ситуацию", "стандарт",
        "главу", "шаг",
    ],
    step_of: "пути клиента",
    months: [
        "января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
        "октября", "ноября", "декабря",
    ],
    date: "{day} {month} {year} г.",
    units: [
        ["секунда", "секунды", "секунды", "секунд", "секунды"],
        ["минута", "минуты", "минуты", "минут", "минуты"],
        ["час", "часа", "часа", "часов", "часа"],
        ["день", "дня", "дня", "дней", "дня"],
        ["рабочий день", "рабочих дня", "рабочих дня", "рабочих дней", "рабочего дня"],
        ["неделя", "недели", "недели", "недель", "недели"],
        ["месяц", "месяца", "месяца", "месяцев", "месяца"],
        ["год", "года", "года", "лет", "года"],
    ],
};

#[rustfmt::skip]
static SL: Strings = Strings {
    title: "Kaj se je spremenilo v tej izdaji",
    version_change: "Različica {old} → {new}.",
    version: "Različica {new}.",
    effective: "Ta izdaja velja od {date}.",
    intro: "Vsak razdelek spodaj opisuje spremembe za eno vlogo. Preberite razdelek za svojo \
            vlogo; spremembe za vse veljajo za celotno ekipo.",
    no_changes: "Ta izdaja ne prinaša sprememb standardov.",
    everyone: "Za vse",
    settings: "Spremenili smo splošne podatke o priročniku: {fields}.",
    handbook: "priročnik kot celoto",
    added: "Dodali smo {what}.",
    removed: "Odstranili smo {what}.",
    changed: "Spremenili smo {what}.",
    tightened: "Zaostrili smo {what}.",
    loosened: "Omilili smo {what}.",
    changed_fields: "Spremenjeno: {fields}.",
    status_now: [
        "Velja od te izdaje.",
        "Je znova osnutek in zaenkrat ne velja.",
        "Ne velja več.",
    ],
    target: "Cilj: {new}.",
    target_now: "Nov cilj: {new} (prej: {old}).",
    target_added: "Standard ima zdaj merljiv cilj: {new}.",
    target_removed: "Standard nima več merljivega cilja (prej: {old}).",
    response: "Prvi odziv: {new}.",
    response_now: "Prvi odziv zdaj: {new} (prej: {old}).",
    response_removed: "Roka za prvi odziv ni več (prej: {old}).",
    reassigned_in: "Odslej ste odgovorni za {what} (prej: {owner}).",
    reassigned_in_new: "Odslej ste odgovorni za {what}.",
    reassigned_out: "Odslej za {what} skrbi: {owner}.",
    reassigned_out_none: "Niste več odgovorni za {what}.",
    at_most: "največ {value}",
    at_least: "najmanj {value}",
    share: "v {share} primerov",
    every_case: "v vsakem primeru",
    business_hours: "v delovnem času",
    percent: "{n} %",
    decimal: ",",
    quotes: ("»", "«"),
    periods: [
        "vsak dan", "vsak teden", "vsak mesec", "vsako četrtletje", "vsako leto",
    ],
    kinds: [
        "pojem", "načelo", "vlogo", "stično točko", "pot stranke", "situacijo", "standard",
        "poglavje", "korak",
    ],
    step_of: "na poti stranke",
    months: [
        "januarja", "februarja", "marca", "aprila", "maja", "junija", "julija", "avgusta",
        "septembra", "oktobra", "novembra", "decembra",
    ],
    date: "{day}. {month} {year}",
    units: [
        ["sekunda", "sekundi", "sekunde", "sekund", "sekunde"],
        ["minuta", "minuti", "minute", "minut", "minute"],
        ["ura", "uri", "ure", "ur", "ure"],
        ["dan", "dneva", "dnevi", "dni", "dneva"],
        ["delovni dan", "delovna dneva", "delovni dnevi", "delovnih dni", "delovnega dneva"],
        ["teden", "tedna", "tedni", "tednov", "tedna"],
        ["mesec", "meseca", "meseci", "mesecev", "meseca"],
        ["leto", "leti", "leta", "let", "leta"],
    ],
};
