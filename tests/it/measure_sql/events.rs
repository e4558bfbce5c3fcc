//! Seeded events for `tests/fixtures/measure-sql`, written in UTC so every engine loads the
//! same instants: each metric of its standards, waits that break their bounds, open and
//! abandoned events (some short), answers and scores, rows around the daylight-saving change
//! and the holidays, rows outside the range, and the rows the evaluation rejects or leaves
//! unused that a typed table can still hold (unknown touchpoints, values out of range,
//! `end` before `start`, repeated ids).

use jiff::Timestamp;

/// A tiny deterministic generator (xorshift64*), so the file is the same on every run.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

#[derive(Clone, Default)]
struct Row {
    id: String,
    metric: String,
    touchpoint: String,
    start: i64,
    /// Milliseconds after `start`'s second, to check that both sides floor to the second.
    millis: u64,
    end: Option<i64>,
    value: Option<String>,
    abandoned: Option<i64>,
    agent: String,
    team: String,
}

fn moment(second: i64, millis: u64) -> String {
    let t = Timestamp::from_second(second).unwrap();
    if millis == 0 {
        t.to_string()
    } else {
        let text = t.to_string();
        format!("{}.{millis:03}Z", text.trim_end_matches('Z'))
    }
}

impl Row {
    fn csv(&self) -> String {
        let opt = |s: Option<i64>| s.map(|s| moment(s, 0)).unwrap_or_default();
        [
            self.id.clone(),
            self.metric.clone(),
            self.touchpoint.clone(),
            moment(self.start, self.millis),
            opt(self.end),
            self.value.clone().unwrap_or_default(),
            opt(self.abandoned),
            self.agent.clone(),
            self.team.clone(),
        ]
        .join(",")
    }
}

pub(crate) const HEADER: &str = "id,metric,touchpoint,start,end,value,abandoned,agent,team";

fn at(text: &str) -> i64 {
    text.parse::<Timestamp>().unwrap().as_second()
}

/// The events file: `count` rows spread from `first` to `last` (UTC), and the planted ones.
pub(crate) fn generate(seed: u64, count: usize) -> String {
    let mut r = Random(seed.max(1));
    let (first, last) = (at("2026-10-05T00:00:00Z"), at("2026-11-20T00:00:00Z"));
    let agents = ["ana", "bob", "cyril", "Łucja", ""];
    let teams = ["north", "south", ""];
    let mut rows: Vec<Row> = Vec::new();
    for n in 0..count {
        let start = first + r.below((last - first) as u64) as i64;
        let mut row = Row {
            id: format!("e{n}"),
            start,
            millis: if r.chance(10) { r.below(1000) } else { 0 },
            agent: r.pick(&agents).into(),
            team: r.pick(&teams).into(),
            ..Row::default()
        };
        let wait = |r: &mut Random, most: u64| Some(start + r.below(most) as i64);
        match r.below(13) {
            0 | 1 => {
                row.metric = "answer_time".into();
                row.touchpoint = r.pick(&["phone", "phone", "night"]).into();
                match r.below(10) {
                    0 => {}
                    1 | 2 => row.abandoned = Some(start + r.below(400) as i64),
                    _ => row.end = wait(&mut r, 420),
                }
            }
            2 => {
                row.metric = "response_time".into();
                row.touchpoint = "email".into();
                if !r.chance(8) {
                    row.end = wait(&mut r, 30 * 3600);
                }
            }
            3 => {
                row.metric = "first_response_time".into();
                row.touchpoint = "chat".into();
                match r.below(10) {
                    0 => {}
                    1 => row.abandoned = Some(start + r.below(200) as i64),
                    _ => row.end = wait(&mut r, 100),
                }
            }
            4 => {
                row.metric = "resolution_time".into();
                row.touchpoint = r.pick(&["phone", "email", "chat", "store", ""]).into();
                if !r.chance(10) {
                    row.end = wait(&mut r, 5 * 86_400);
                }
            }
            5 => {
                row.metric = "nps".into();
                row.touchpoint = r.pick(&["phone", "chat", ""]).into();
                row.value = Some(r.below(11).to_string());
            }
            6 => {
                row.metric = "csat".into();
                row.touchpoint = r.pick(&["phone", "chat", "store", "email", ""]).into();
                row.value = Some((1 + r.below(5)).to_string());
            }
            7 => {
                row.metric = "fcr_rate".into();
                row.touchpoint = r.pick(&["phone", "email", ""]).into();
                row.value = Some(r.below(2).to_string());
            }
            8 => {
                row.metric = "abandonment_rate".into();
                row.touchpoint = r.pick(&["phone", "phone", "chat"]).into();
                row.value = Some(if r.chance(12) { "1" } else { "0" }.into());
            }
            9 => {
                row.metric = "audit_score".into();
                row.touchpoint = r.pick(&["phone", "chat"]).into();
                row.value = Some(format!("{}.{}", 60 + r.below(41), r.below(10)));
            }
            10 => {
                row.metric = "items_missing".into();
                row.value = Some(if r.chance(90) { 0 } else { 1 + r.below(3) }.to_string());
            }
            11 => {
                row.metric = "talk_time".into();
                row.touchpoint = "phone".into();
                if !r.chance(10) {
                    row.end = wait(&mut r, 90);
                }
            }
            _ => {
                row.metric = r.pick(&["visit_rating", "visit_rating", "mystery"]).into();
                row.touchpoint = "store".into();
                row.value = Some(format!("{}.5", r.below(5)));
            }
        }
        rows.push(row);
    }
    planted(&mut rows);
    let mut out = String::from(HEADER);
    out.push('\n');
    for row in &rows {
        out.push_str(&row.csv());
        out.push('\n');
    }
    out
}

/// Rows at the edges that random ones rarely hit.
fn row(id: &str, metric: &str, touchpoint: &str, start: &str, end: Option<&str>) -> Row {
    Row {
        id: id.into(),
        metric: metric.into(),
        touchpoint: touchpoint.into(),
        start: at(start),
        end: end.map(at),
        agent: "ana".into(),
        team: "north".into(),
        ..Row::default()
    }
}

fn planted(rows: &mut Vec<Row>) {
    let add = |rows: &mut Vec<Row>,
               id: &str,
               metric: &str,
               touchpoint: &str,
               start: &str,
               end: Option<&str>| {
        rows.push(row(id, metric, touchpoint, start, end));
    };
    // Friday 17:59 local, answered Monday 08:00: one business minute plus the weekend.
    add(
        rows,
        "p1",
        "answer_time",
        "phone",
        "2026-10-23T15:59:00Z",
        Some("2026-10-26T07:00:30Z"),
    );
    // Across the fall-back night on the night line (22–6 local), and the hour repeated.
    add(
        rows,
        "p2",
        "answer_time",
        "night",
        "2026-10-25T00:30:00Z",
        Some("2026-10-25T01:30:00Z"),
    );
    add(
        rows,
        "p3",
        "answer_time",
        "night",
        "2026-10-24T21:59:00Z",
        Some("2026-10-24T22:01:30Z"),
    );
    // The holiday (28 October, Wednesday): an e-mail before it answered after it.
    add(
        rows,
        "p4",
        "response_time",
        "email",
        "2026-10-27T14:00:00Z",
        Some("2026-10-29T09:00:00Z"),
    );
    // Local midnight on either side of the change of offset, for the day and week keys.
    add(
        rows,
        "p5",
        "first_response_time",
        "chat",
        "2026-10-24T21:59:59Z",
        Some("2026-10-24T22:00:30Z"),
    );
    add(
        rows,
        "p6",
        "first_response_time",
        "chat",
        "2026-10-25T22:59:59Z",
        Some("2026-10-25T23:00:30Z"),
    );
    add(
        rows,
        "p7",
        "first_response_time",
        "chat",
        "2026-10-25T23:00:00Z",
        None,
    );
    // `end = start`.
    add(
        rows,
        "p8",
        "talk_time",
        "phone",
        "2026-10-26T09:00:00Z",
        Some("2026-10-26T09:00:00Z"),
    );
    // Open long before `as_of` over weekends and the holiday; open a moment before it.
    add(
        rows,
        "p9",
        "response_time",
        "email",
        "2026-11-10T15:00:00Z",
        None,
    );
    add(
        rows,
        "p10",
        "answer_time",
        "phone",
        "2026-11-13T09:59:00Z",
        None,
    );
    // Starts on the range's edges (local dates 2026-10-12 and 2026-11-15).
    add(
        rows,
        "p11",
        "resolution_time",
        "",
        "2026-10-11T22:00:00Z",
        Some("2026-10-12T22:00:00Z"),
    );
    add(
        rows,
        "p12",
        "resolution_time",
        "",
        "2026-10-11T21:59:59Z",
        Some("2026-10-12T22:00:00Z"),
    );
    add(
        rows,
        "p13",
        "resolution_time",
        "",
        "2026-11-15T22:59:59Z",
        None,
    );
    add(
        rows,
        "p14",
        "resolution_time",
        "",
        "2026-11-15T23:00:00Z",
        None,
    );
    // An e-mail answered far past the end of the range.
    add(
        rows,
        "p15",
        "response_time",
        "email",
        "2026-11-14T10:00:00Z",
        Some("2027-03-01T10:00:00Z"),
    );
    // Rejected: an unknown touchpoint, `end` before `start`, abandoned before start.
    add(
        rows,
        "r1",
        "answer_time",
        "fax",
        "2026-10-20T10:00:00Z",
        Some("2026-10-20T10:01:00Z"),
    );
    add(
        rows,
        "r2",
        "answer_time",
        "phone",
        "2026-10-20T10:00:00Z",
        Some("2026-10-20T09:59:00Z"),
    );
    let mut abandoned = rows.last().unwrap().clone();
    abandoned.id = "r3".into();
    abandoned.end = None;
    abandoned.abandoned = Some(abandoned.start - 60);
    rows.push(abandoned);
    // Rejected values: out of range, not whole, missing.
    for (id, metric, value) in [
        ("r4", "nps", Some("11")),
        ("r5", "csat", Some("3.5")),
        ("r6", "nps", None),
        ("r7", "fcr_rate", Some("2")),
        ("r8", "audit_score", Some("100.5")),
    ] {
        rows.push(Row {
            id: id.into(),
            metric: metric.into(),
            touchpoint: "phone".into(),
            start: at("2026-10-21T10:00:00Z"),
            value: value.map(String::from),
            ..Row::default()
        });
    }
    // Repeated ids: an exact copy, and a later start under an earlier row's id (the first
    // row read is also the earliest, where the SQL keeps the earliest).
    let copy = rows[3].clone();
    rows.push(copy);
    let mut later = rows[5].clone();
    later.start += 3600;
    later.agent = "bob".into();
    rows.push(later);
    // A repeated id on a row that is rejected anyway does not hide the first.
    let mut rejected = rows[7].clone();
    rejected.touchpoint = "fax".into();
    rows.push(rejected);
    // Without an id, repeated rows all count.
    for _ in 0..2 {
        add(rows, "", "chat-less", "", "2026-10-22T10:00:00Z", None);
        add(
            rows,
            "",
            "first_response_time",
            "chat",
            "2026-10-22T10:00:00Z",
            Some("2026-10-22T10:00:30Z"),
        );
    }
}

/// `sok sample-events` output with its timestamps rewritten in UTC (it writes offsets, `Z`
/// and local times of the calendar's zone), so that engines load the instants sok read.
pub(crate) fn in_utc(csv: &str, zone: &str) -> String {
    let tz = jiff::tz::TimeZone::get(zone).unwrap();
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    assert_eq!(header.iter().collect::<Vec<_>>().join(","), HEADER);
    let mut out = String::new();
    for record in reader.records() {
        let record = record.unwrap();
        let cells: Vec<String> = record
            .iter()
            .enumerate()
            .map(|(i, cell)| match header.get(i) {
                Some("start" | "end" | "abandoned") if !cell.is_empty() => {
                    let t = cell.parse::<Timestamp>().unwrap_or_else(|_| {
                        let local: jiff::civil::DateTime = cell.parse().unwrap();
                        tz.to_ambiguous_timestamp(local).compatible().unwrap()
                    });
                    t.to_string()
                }
                _ => {
                    assert!(!cell.contains([',', '"', '\n']), "{cell}");
                    cell.to_string()
                }
            })
            .collect();
        out.push_str(&cells.join(","));
        out.push('\n');
    }
    out
}
