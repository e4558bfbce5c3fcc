//! Batches of any size, judged on any thread and merged in order, give the report of the
//! same events with their repeated rows left out beforehand: what a repeat added to its
//! batch is taken back whole, down to the agents and periods only it had.

use super::*;
use proptest::prelude::*;
use rayon::prelude::*;

const STANDARDS: &str = r#"
[[standard]]
id = "answer"
title = "Answer calls within two minutes"
owner = "lead"
touchpoints = ["phone"]
text = "We answer."
[standard.measure]
metric = "answer_time"
max = "2 min"
share = 80
period = "week"

[[standard]]
id = "reply"
title = "Reply in business hours"
owner = "lead"
text = "We reply."
[standard.measure]
metric = "response_time"
max = "1 h"
hours = "business"
share = 90

[[standard]]
id = "csat"
title = "Satisfied"
owner = "lead"
text = "Customers are satisfied."
[standard.measure]
metric = "csat"
min = 80
period = "day"
"#;

fn events() -> impl Strategy<Value = Vec<Event>> {
    let one = (
        0usize..3,
        0usize..3,
        0i64..(40 * 86_400),
        prop::option::of(0i64..(3 * 86_400)),
        1u8..=5,
        prop::option::of(0usize..4),
        prop::option::of(0u32..40),
    );
    prop::collection::vec(one, 0..160).prop_map(|rows| {
        rows.into_iter()
            .enumerate()
            .map(
                |(line, (metric, touchpoint, start, took, score, agent, id))| {
                    let start = at("2026-10-01T00:00:00Z").as_second() + start;
                    let metric = ["answer_time", "response_time", "csat"][metric];
                    Event {
                        metric: metric.into(),
                        touchpoint: [Some("phone"), Some("mail"), None][touchpoint]
                            .map(std::sync::Arc::from),
                        start: Timestamp::from_second(start).unwrap(),
                        end: took.map(|t| Timestamp::from_second(start + t).unwrap()),
                        value: (metric == "csat").then_some(f64::from(score)),
                        abandoned: None,
                        agent: agent.map(|a| format!("agent {a}").into()),
                        team: agent.map(|a| format!("team {}", a % 2).into()),
                        id: id.map(|i| format!("EV-{i}")),
                        file: FileId(0),
                        line: line as u64 + 2,
                    }
                },
            )
            .collect()
    })
}

fn in_batches(checked: &crate::Checked, events: &[Event], size: usize) -> Report {
    let options = Options {
        as_of: at("2026-12-01T00:00:00Z").as_second(),
        from: None,
        to: None,
    };
    let evaluation = Evaluation::new(&checked.handbook, options);
    let partials: Vec<_> = events
        .par_chunks(size)
        .map(|chunk| {
            evaluation.judge(crate::measure::read::Batch {
                events: chunk.to_vec(),
                rejected: Vec::new(),
            })
        })
        .collect();
    for partial in partials {
        evaluation.merge(partial);
    }
    evaluation.finish(&checked.handbook).report
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn merged_batches_equal_the_rows_counted_once(events in events(), size in 1usize..40) {
        let checked = handbook(STANDARDS);
        let mut seen = std::collections::HashSet::new();
        let firsts: Vec<Event> = events
            .iter()
            .filter(|e| e.id.as_ref().is_none_or(|id| seen.insert(id.clone())))
            .cloned()
            .collect();
        let repeats = (events.len() - firsts.len()) as u64;
        let mut expected = in_batches(&checked, &firsts, firsts.len().max(1));
        expected.rows += repeats;
        expected.rejected += repeats;
        for size in [1, size, events.len().max(1)] {
            let got = in_batches(&checked, &events, size);
            prop_assert_eq!(got.to_json(), expected.to_json(), "batches of {}", size);
        }
    }
}
