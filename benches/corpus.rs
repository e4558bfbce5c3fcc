//! The bench corpus: a valid handbook of N standards with the prose a real one has, written
//! deterministically from a seed, so that every run and every machine times the same bytes.
//!
//! Polish and Russian paragraphs, numbered and bulleted lists, a table in every tenth
//! standard, links to other standards, situations and journeys, and owners, touchpoints,
//! journeys, steps and situations in proportion to N (as a large retailer's handbook has
//! them). With `--mirrors` the same Markdown is also laid out as an mdBook book and a Hugo
//! site, for the comparison in docs/performance.md.
//!
//!   cargo bench --bench corpus -- N DIR [--seed S] [--mirrors]

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// A small, fixed pseudo-random generator (SplitMix64): the corpus must not change when a
/// dependency's generator does.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const PL_SENTENCES: &[&str] = &[
    "Konsultant odbiera połączenie najpóźniej po trzecim sygnale i przedstawia się imieniem.",
    "Każdą reklamację rejestrujemy w systemie w dniu jej zgłoszenia, razem z numerem zamówienia.",
    "Jeżeli klient czeka dłużej niż zapowiedzieliśmy, informujemy go o nowym terminie przed jego upływem.",
    "Kierownik zmiany sprawdza raport z poprzedniego dnia do godziny 10:00 i omawia odchylenia z zespołem.",
    "Odpowiedź na wiadomość e-mail zawiera imię konsultanta, numer sprawy i termin kolejnego kontaktu.",
    "Przed zakończeniem rozmowy konsultant upewnia się, że klient nie ma dalszych pytań.",
    "Zwrot pieniędzy zlecamy w ciągu 3 dni roboczych od przyjęcia zwróconego towaru.",
    "Klientowi, który zgłasza uszkodzenie przesyłki, proponujemy wymianę albo zwrot, a wybór należy do niego.",
    "Notatkę z rozmowy zapisujemy w karcie klienta, tak aby kolejny konsultant nie pytał o to samo.",
    "Gdy sprawa wymaga decyzji przełożonego, konsultant przekazuje ją w systemie i podaje klientowi godzinę odpowiedzi.",
];

const RU_SENTENCES: &[&str] = &[
    "Оператор отвечает на звонок не позднее третьего гудка и называет своё имя.",
    "Каждую жалобу регистрируем в системе в день обращения вместе с номером заказа.",
    "Если клиент ждёт дольше обещанного, сообщаем ему новый срок до того, как истечёт прежний.",
    "Руководитель смены проверяет отчёт за предыдущий день до 10:00 и разбирает отклонения с командой.",
    "Ответ на письмо содержит имя сотрудника, номер обращения и срок следующего контакта.",
    "Перед завершением разговора оператор уточняет, остались ли у клиента вопросы.",
    "Возврат денег оформляем в течение 3 рабочих дней после получения товара.",
    "Клиенту, который сообщает о повреждённой посылке, предлагаем замену или возврат на его выбор.",
];

const PL_ITEMS: &[&str] = &[
    "potwierdzamy dane klienta i numer zamówienia",
    "streszczamy zgłoszenie własnymi słowami",
    "podajemy termin odpowiedzi i dotrzymujemy go",
    "zapisujemy ustalenia w karcie klienta",
    "dziękujemy za zgłoszenie i żegnamy się",
];

const RU_ITEMS: &[&str] = &[
    "подтверждаем данные клиента и номер заказа",
    "пересказываем обращение своими словами",
    "называем срок ответа и соблюдаем его",
    "записываем договорённости в карточку клиента",
];

const STAGES: &[&str] = &["awareness", "consideration", "decision", "post-purchase"];
const CHANNELS: &[&str] = &["phone", "email", "chat", "social", "store", "web", "mail"];
const METRICS: &[(&str, &str)] = &[
    ("answer_time", "max = \"2 min\"\nshare = 90"),
    (
        "first_response_time",
        "max = \"4 h\"\nshare = 95\nhours = \"business\"",
    ),
    ("resolution_time", "max = \"3 business days\"\nshare = 85"),
    ("csat", "min = 85"),
    ("nps", "min = 40"),
    ("fcr_rate", "min = 75"),
];

struct Sizes {
    standards: usize,
    owners: usize,
    touchpoints: usize,
    journeys: usize,
    steps: usize,
    situations: usize,
}

impl Sizes {
    fn for_standards(n: usize) -> Sizes {
        Sizes {
            standards: n,
            owners: (n / 250).clamp(8, 400),
            touchpoints: (n / 400).clamp(6, 120),
            journeys: (n / 500).clamp(3, 100),
            steps: 12,
            situations: (n / 50).clamp(10, 2000),
        }
    }
}

fn paragraph(rng: &mut Rng, sentences: &[&str], count: usize) -> String {
    (0..count)
        .map(|_| rng.pick(sentences))
        .collect::<Vec<_>>()
        .join(" ")
}

fn prose(rng: &mut Rng, i: usize, s: &Sizes) -> String {
    let russian = i % 3 == 2;
    let (sentences, items) = if russian {
        (RU_SENTENCES, RU_ITEMS)
    } else {
        (PL_SENTENCES, PL_ITEMS)
    };
    let mut out = String::new();
    for _ in 0..1 + rng.below(3) {
        let count = 2 + rng.below(3);
        out.push_str(&paragraph(rng, sentences, count));
        out.push_str("\n\n");
    }
    out.push_str(if russian {
        "## Порядок действий\n\n"
    } else {
        "## Procedura\n\n"
    });
    for n in 1..=3 + rng.below(3) {
        let _ = writeln!(out, "{n}. {}", rng.pick(items));
    }
    out.push('\n');
    let other = 1 + rng.below(s.standards);
    let situation = 1 + rng.below(s.situations);
    let _ = writeln!(
        out,
        "Zobacz też [standard {other}](standard-{other}.md) i [sytuację {situation}](../situations/situation-{situation}.md).\n"
    );
    if i % 10 == 0 {
        out.push_str("| Kanał | Cel | Kto sprawdza |\n| --- | --- | --- |\n");
        for channel in ["telefon", "e-mail", "czat"] {
            let _ = writeln!(
                out,
                "| {channel} | {} min | kierownik zmiany |",
                1 + rng.below(30)
            );
        }
        out.push('\n');
    }
    for _ in 0..rng.below(3) {
        let _ = writeln!(out, "- **{}**", rng.pick(items));
    }
    out
}

fn write(path: &Path, text: &str) {
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).expect("create folder");
    }
    fs::write(path, text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn handbook(root: &Path, s: &Sizes, seed: u64) -> Vec<(String, String)> {
    let mut rng = Rng(seed);
    write(
        &root.join("sok.toml"),
        "[handbook]\ntitle = \"Standardy obsługi klienta — benchmark\"\norganization = \"Benchmark sp. z o.o.\"\nlanguage = \"pl\"\nversion = \"1.0.0\"\neffective = 2026-03-01\nowner = \"owner-1\"\nreview_every = \"12 months\"\nlast_reviewed = 2026-10-01\n",
    );
    let mut owners = String::new();
    for o in 1..=s.owners {
        let _ = write!(
            owners,
            "[[owner]]\nid = \"owner-{o}\"\nname = \"Kierownik zespołu {o}\"\nteam = \"Zespół {}\"\ndescription = \"Odpowiada za obszar {o} i co miesiąc raportuje wyniki.\"\n",
            o % 12 + 1
        );
        if o > 1 {
            let _ = writeln!(owners, "reports_to = \"owner-{}\"", o / 4 + 1);
        }
        owners.push('\n');
    }
    write(&root.join("owners.toml"), &owners);
    let mut touchpoints = String::new();
    for t in 1..=s.touchpoints {
        let _ = write!(
            touchpoints,
            "[[touchpoint]]\nid = \"tp-{t}\"\nname = \"Punkt styku {t}\"\nchannel = \"{}\"\nowner = \"owner-{}\"\nhours = \"pon.–pt. 8–18\"\n\n",
            CHANNELS[t % CHANNELS.len()],
            t % s.owners + 1
        );
    }
    write(&root.join("touchpoints.toml"), &touchpoints);
    let mut glossary = String::new();
    for g in 1..=60 {
        let _ = write!(
            glossary,
            "[[term]]\nterm = \"Pojęcie {g}\"\ndefinition = \"Definicja pojęcia numer {g} używanego w standardach.\"\n\n"
        );
    }
    write(&root.join("glossary.toml"), &glossary);
    for j in 1..=s.journeys {
        let mut text = format!(
            "name = \"Ścieżka klienta {j}\"\nowner = \"owner-{}\"\ndescription = \"{}\"\n",
            j % s.owners + 1,
            rng.pick(PL_SENTENCES)
        );
        for st in 1..=s.steps {
            let _ = write!(
                text,
                "\n[[step]]\nid = \"step-{st}\"\nname = \"Krok {st} ścieżki {j}\"\nstage = \"{}\"\nowner = \"owner-{}\"\ntouchpoints = [\"tp-{}\"]\ninstruction = \"{}\"\n",
                STAGES[(st - 1) * STAGES.len() / s.steps],
                (j + st) % s.owners + 1,
                (j + st) % s.touchpoints + 1,
                rng.pick(PL_SENTENCES)
            );
        }
        write(&root.join(format!("journeys/journey-{j}.toml")), &text);
    }
    for i in 1..=s.situations {
        let text = format!(
            "+++\nname = \"Trudna sytuacja {i}\"\nowner = \"owner-{}\"\ntouchpoints = [\"tp-{}\"]\nseverity = \"high\"\nrespond_within = \"15 min\"\nsay = [\"Rozumiem, sprawdzę to od razu po rozmowie i oddzwonię do 15:00.\"]\nnever_say = [\"To nie moja sprawa\"]\n\n[[escalation]]\nafter = \"1 h\"\nto = \"owner-1\"\n+++\n\n{}\n\n1. Słuchamy do końca.\n2. Streszczamy zgłoszenie.\n3. Podajemy termin.\n",
            i % s.owners + 1,
            i % s.touchpoints + 1,
            paragraph(&mut rng, PL_SENTENCES, 3)
        );
        write(&root.join(format!("situations/situation-{i}.md")), &text);
    }
    let mut pages = Vec::new();
    for i in 1..=s.standards {
        let (metric, bounds) = METRICS[i % METRICS.len()];
        let title = format!("Standard {i}: {}", rng.pick(PL_ITEMS));
        let body = prose(&mut rng, i, s);
        let text = format!(
            "+++\ntitle = \"{title}\"\nowner = \"owner-{}\"\ntouchpoints = [\"tp-{}\"]\nsteps = [\"journey-{}/step-{}\"]\nsituations = [\"situation-{}\"]\nsay = [\"Dzień dobry, w czym mogę pomóc?\"]\ntags = [\"{}\"]\nreview_every = \"12 months\"\nlast_reviewed = 2026-10-01\n\n[measure]\nmetric = \"{metric}\"\n{bounds}\nperiod = \"month\"\n+++\n\n{body}",
            i % s.owners + 1,
            i % s.touchpoints + 1,
            i % s.journeys + 1,
            i % s.steps + 1,
            i % s.situations + 1,
            CHANNELS[i % CHANNELS.len()]
        );
        write(&root.join(format!("standards/standard-{i}.md")), &text);
        pages.push((format!("standard-{i}"), format!("# {title}\n\n{body}")));
    }
    write(
        &root.join("chapters/01-general.md"),
        "+++\ntitle = \"Postanowienia ogólne\"\norder = 1\n+++\n\nStandard obowiązuje wszystkich pracowników, którzy rozmawiają z klientami.\n",
    );
    pages
}

/// The standards' Markdown as an mdBook book and a Hugo site: the same words, the tools' own
/// layout, so the comparison times the same bytes rendered.
fn mirrors(dir: &Path, pages: &[(String, String)]) {
    let book = dir.join("mdbook");
    write(
        &book.join("book.toml"),
        "[book]\ntitle = \"Benchmark\"\nlanguage = \"pl\"\n\n[output.html]\n",
    );
    let mut summary = String::from("# Summary\n\n");
    for (name, text) in pages {
        let _ = writeln!(summary, "- [{name}](./{name}.md)");
        write(&book.join(format!("src/{name}.md")), text);
    }
    write(&book.join("src/SUMMARY.md"), &summary);
    let hugo = dir.join("hugo");
    write(
        &hugo.join("hugo.toml"),
        "baseURL = \"http://localhost/\"\ntitle = \"Benchmark\"\ndisableKinds = [\"taxonomy\", \"term\", \"RSS\", \"sitemap\"]\n",
    );
    write(
        &hugo.join("layouts/_default/single.html"),
        "<!doctype html><html><head><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n",
    );
    write(
        &hugo.join("layouts/_default/list.html"),
        "<!doctype html><html><body>{{ range .Pages }}<a href=\"{{ .RelPermalink }}\">{{ .Title }}</a>{{ end }}</body></html>\n",
    );
    for (name, text) in pages {
        let (title, body) = text.split_once("\n\n").unwrap_or((text, ""));
        let title = title.trim_start_matches("# ").replace('"', "\\\"");
        write(
            &hugo.join(format!("content/{name}.md")),
            &format!("+++\ntitle = \"{title}\"\n+++\n\n{body}"),
        );
    }
}

fn main() {
    let args: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| a != "--bench")
        .collect();
    let usage = "usage: cargo bench --bench corpus -- N DIR [--seed S] [--mirrors]";
    let (Some(n), Some(dir)) = (
        args.first().and_then(|n| n.parse::<usize>().ok()),
        args.get(1),
    ) else {
        eprintln!("{usage}");
        std::process::exit(2);
    };
    let seed = args
        .iter()
        .position(|a| a == "--seed")
        .and_then(|i| args.get(i + 1))
        .and_then(|s| s.parse().ok())
        .unwrap_or(1);
    let dir = PathBuf::from(dir);
    let root = dir.join("handbook");
    if root.exists() {
        fs::remove_dir_all(&root).expect("remove the old corpus");
    }
    let pages = handbook(&root, &Sizes::for_standards(n), seed);
    if args.iter().any(|a| a == "--mirrors") {
        for tool in ["mdbook", "hugo"] {
            let _ = fs::remove_dir_all(dir.join(tool));
        }
        mirrors(&dir, &pages);
    }
    println!("{}", root.display());
}
