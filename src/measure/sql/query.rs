//! The query over the user's events table: read and check each row, keep one row per id,
//! find its local date and business clock by equality on the UTC day, judge it for every
//! standard that takes it, and add up the same sums the evaluation's tallies keep.
//!
//! One statement of CTEs over the tables of `calendar` and `rules`, in the portable subset
//! that `dialect` names; every figure is computed as `tally.rs` computes it (the same
//! divisions of the same whole sums), so results agree to the last bit.

use super::dialect::{Dialect, Type};
use super::{Constants, Plan};
use crate::model::AbandonedPolicy;

const DAY: i64 = 86_400;

/// The event columns read from the table, with their names there.
pub(super) struct Columns {
    pub metric: String,
    pub touchpoint: String,
    pub start: String,
    pub end: String,
    pub value: String,
    pub abandoned: String,
    pub agent: String,
    pub team: String,
    pub id: String,
}

/// The CTEs after the constant tables, and the final select.
pub(super) fn query(d: Dialect, plan: &Plan, table: &str, columns: &Columns) -> String {
    let c = &plan.constants;
    let mut ctes = vec![
        typed(d, table, columns),
        checked(d),
        ranked(),
        placed(plan),
        format!(
            "inrange AS (\n  SELECT * FROM placed\n  WHERE local_date >= {} AND local_date <= {}\n)",
            c.from, c.to
        ),
    ];
    ctes.push(counted(d, plan));
    ctes.push(judged(c));
    ctes.push(expanded(d));
    ctes.push(FIGURES.to_string());
    ctes.push(results(d));
    ctes.push(TALLIED.to_string());
    let mut out = ctes.join(",\n");
    out.push('\n');
    out.push_str(&select(d));
    out
}

fn typed(d: Dialect, table: &str, c: &Columns) -> String {
    let text = |name: &str| format!("NULLIF(TRIM(e.{}), '')", d.column(name));
    let epoch = |name: &str| d.epoch_seconds(&format!("e.{}", d.column(name)));
    format!(
        "-- The events, typed and trimmed; an empty text is none. Whole seconds, as sok reads them;
-- the order of `end` and `start` to the fraction, as sok checks it.
typed AS (
  SELECT
    {metric} AS metric,
    COALESCE({touchpoint}, '') AS touchpoint,
    {start} AS start_s,
    {end} AS end_s,
    {abandoned} AS abandoned_s,
    {value} AS amount,
    {agent} AS agent,
    {team} AS team,
    NULLIF(TRIM({id}), '') AS event_id,
    CASE WHEN e.{end_col} < e.{start_col} OR e.{abandoned_col} < e.{start_col} THEN 1 ELSE 0 END AS out_of_order
  FROM {table} AS e
)",
        metric = text(&c.metric),
        touchpoint = text(&c.touchpoint),
        start = epoch(&c.start),
        end = epoch(&c.end),
        abandoned = epoch(&c.abandoned),
        value = d.cast(&format!("e.{}", d.column(&c.value)), Type::Float),
        agent = text(&c.agent),
        team = text(&c.team),
        id = d.cast(&format!("e.{}", d.column(&c.id)), Type::Text),
        start_col = d.column(&c.start),
        end_col = d.column(&c.end),
        abandoned_col = d.column(&c.abandoned),
    )
}

/// Why a row is not counted, in the evaluation's order: unreadable, unused metric,
/// unknown touchpoint, a value its standards cannot take.
fn checked(d: Dialect) -> String {
    let start_day = d.floor_div("t.start_s", DAY);
    let end_day = d.floor_div("t.end_s", DAY);
    let abandoned_day = d.floor_div("t.abandoned_s", DAY);
    // FLOOR only of a value inside the range, so no engine overflows on a huge one.
    let whole = format!(
        "t.amount = FLOOR(CASE WHEN t.amount >= s.value_min AND t.amount <= s.value_max THEN t.amount ELSE {} END)",
        d.cast("0", Type::Float)
    );
    format!(
        "-- Each row's fate before dates: rejected, unused or ok.
checked AS (
  SELECT
    t.*,
    s.taken,
    s.measurable,
    s.as_of_open,
    {start_day} AS start_day,
    {end_day} AS end_day,
    {abandoned_day} AS abandoned_day,
    CASE
      WHEN t.metric IS NULL OR t.start_s IS NULL OR t.out_of_order = 1 THEN 'rejected'
      WHEN m.metric IS NULL THEN 'unused'
      WHEN s.metric IS NULL THEN 'rejected'
      WHEN s.needs_value AND t.amount IS NULL THEN 'rejected'
      WHEN s.needs_value AND s.ranged AND NOT (t.amount >= s.value_min AND t.amount <= s.value_max) THEN 'rejected'
      WHEN s.needs_value AND s.ranged AND s.whole AND NOT ({whole}) THEN 'rejected'
      ELSE 'ok'
    END AS status
  FROM typed AS t
  LEFT JOIN measured_metric AS m ON m.metric = t.metric
  LEFT JOIN event_scope AS s ON s.metric = t.metric AND s.touchpoint = t.touchpoint
)"
    )
}

/// A repeated id counts once: the row with the earliest start (then end, abandon, value,
/// agent, team, touchpoint) among the rows that passed the checks.
fn ranked() -> String {
    "-- One row per event id.
ranked AS (
  SELECT
    c.*,
    CASE WHEN c.status = 'ok' AND c.event_id IS NOT NULL THEN ROW_NUMBER() OVER (
      PARTITION BY c.status, c.event_id
      ORDER BY c.start_s, c.end_s NULLS LAST, c.abandoned_s NULLS LAST, c.amount NULLS LAST,
        c.agent NULLS LAST, c.team NULLS LAST, c.touchpoint, c.metric
    ) ELSE 1 END AS copy_number
  FROM checked AS c
)"
    .to_string()
}

/// The local date and period keys of each start, from `calendar_day`.
fn placed(plan: &Plan) -> String {
    let side = |before: &str, after: &str| {
        format!(
            "CASE WHEN r.start_s - r.start_day * {DAY} < cd.local_split THEN cd.{before} ELSE cd.{after} END"
        )
    };
    let mut keys = vec![format!(
        "    {} AS local_date",
        side("local_before", "local_after")
    )];
    for p in &plan.constants.keyed {
        let k = p.keyword();
        keys.push(format!(
            "    {} AS {k}_key",
            side(&format!("{k}_before"), &format!("{k}_after"))
        ));
    }
    format!(
        "-- Local dates by equality on the UTC day of the start.
placed AS (
  SELECT
    r.*,
{}
  FROM ranked AS r
  JOIN calendar_day AS cd ON cd.utc_day = r.start_day
  WHERE r.status = 'ok' AND r.copy_number = 1
)",
        keys.join(",\n")
    )
}

/// The events that count, with `B(start)`, `B(end)` and `B(abandoned)` from `open_day`
/// when a standard counts business hours.
fn counted(d: Dialect, plan: &Plan) -> String {
    let Some(open) = &plan.open else {
        let null = d.cast("NULL", Type::Int);
        return format!(
            "counted AS (\n  SELECT i.*, {null} AS b_start, {null} AS b_end, {null} AS b_abandoned\n  FROM inrange AS i\n  WHERE i.taken AND i.measurable\n)"
        );
    };
    let (first, last) = (open.first, open.last);
    let day = |col: &str| format!("GREATEST({first}, LEAST({last}, i.{col}_day))");
    let within = |col: &str| {
        format!(
            "CASE WHEN i.{col}_day > {last} THEN {DAY} WHEN i.{col}_day < {first} THEN 0 ELSE i.{col}_s - i.{col}_day * {DAY} END"
        )
    };
    let until = |alias: &str, col: &str| {
        let mut sum = format!("{alias}.open_before");
        for n in 1..=plan.width {
            sum.push_str(&format!(
                "\n      + GREATEST(0, LEAST({alias}.e{n}, {w}) - {alias}.s{n})",
                w = within(col)
            ));
        }
        sum
    };
    format!(
        "-- Business clocks by equality on the touchpoint and the UTC day; a moment past the
-- table reads as its last second, where every business-hours bound has passed.
counted AS (
  SELECT
    i.*,
    {bs} AS b_start,
    {be} AS b_end,
    {ba} AS b_abandoned
  FROM inrange AS i
  LEFT JOIN open_day AS os ON os.touchpoint = i.touchpoint AND os.utc_day = {ds}
  LEFT JOIN open_day AS oe ON oe.touchpoint = i.touchpoint AND oe.utc_day = {de}
  LEFT JOIN open_day AS oa ON oa.touchpoint = i.touchpoint AND oa.utc_day = {da}
  WHERE i.taken AND i.measurable
)",
        bs = until("os", "start"),
        be = until("oe", "end"),
        ba = until("oa", "abandoned"),
        ds = day("start"),
        de = day("end"),
        da = day("abandoned"),
    )
}

/// Met, failed, pending, a value, or `NULL` (left out) for each event and standard.
fn judged(c: &Constants) -> String {
    let elapsed = |b: &str, s: &str| {
        format!("CASE WHEN r.business THEN GREATEST(0, {b} - k.b_start) ELSE {s} - k.start_s END")
    };
    let took = elapsed("k.b_end", "k.end_s");
    let gave_up = elapsed("k.b_abandoned", "k.abandoned_s");
    let waited = elapsed("k.as_of_open", &c.as_of.to_string());
    let mut abandoned = Vec::new();
    if let Some(short) = c.short_abandon {
        abandoned.push(format!(
            "          WHEN k.abandoned_s IS NOT NULL AND k.abandoned_s - k.start_s <= {short} THEN NULL"
        ));
    }
    match c.policy {
        AbandonedPolicy::Failed => {}
        AbandonedPolicy::Met => abandoned.push(format!(
            "          WHEN k.abandoned_s IS NOT NULL AND {gave_up} <= r.bound_value THEN 'met'"
        )),
        AbandonedPolicy::Excluded => abandoned.push(format!(
            "          WHEN k.abandoned_s IS NOT NULL AND {gave_up} <= r.bound_value THEN NULL"
        )),
    }
    let abandoned = abandoned
        .iter()
        .map(|l| format!("{l}\n"))
        .collect::<String>();
    format!(
        "-- Each event judged for each standard that takes it (FORMAT.md §8).
judged AS (
  SELECT
    k.agent,
    k.team,
    k.touchpoint,
    k.amount,
    r.rule_id,
    r.counting,
    r.by_touchpoint,
    CASE r.period_kind
      WHEN 'day' THEN k.local_date{keys}
    END AS period_key,
    CASE r.counting
      WHEN 'duration' THEN
        CASE
          WHEN k.end_s IS NOT NULL THEN
            CASE WHEN (r.direction = 'max' AND {took} <= r.bound_value)
              OR (r.direction = 'min' AND {took} >= r.bound_value) THEN 'met' ELSE 'failed' END
{abandoned}          WHEN r.direction = 'max' AND {waited} > r.bound_value THEN 'failed'
          ELSE 'pending'
        END
      WHEN 'event_value' THEN
        CASE WHEN (r.direction = 'max' AND k.amount <= r.bound_value)
          OR (r.direction = 'min' AND k.amount >= r.bound_value) THEN 'met' ELSE 'failed' END
      ELSE 'value'
    END AS outcome
  FROM counted AS k
  JOIN rule_scope AS s ON s.metric = k.metric AND s.touchpoint = k.touchpoint
  JOIN standard_rule AS r ON r.rule_id = s.rule_id
)",
        keys = c
            .keyed
            .iter()
            .map(|p| format!("\n      WHEN '{0}' THEN k.{0}_key", p.keyword()))
            .collect::<String>(),
    )
}

/// Each judged event once per breakdown it is counted in, with what it adds.
fn expanded(d: Dialect) -> String {
    let zero = d.cast("0", Type::Float);
    format!(
        "-- Each counted event in its standard's total and per agent, team and touchpoint.
expanded AS (
  SELECT
    j.rule_id,
    j.period_key,
    b.breakdown,
    CASE b.breakdown
      WHEN 'all' THEN ''
      WHEN 'agent' THEN COALESCE(j.agent, '')
      WHEN 'team' THEN COALESCE(j.team, '')
      ELSE j.touchpoint
    END AS name,
    CASE WHEN j.outcome IN ('met', 'failed', 'value') THEN 1 ELSE 0 END AS counted_event,
    CASE
      WHEN j.outcome = 'met' THEN 1
      WHEN j.outcome = 'value' AND j.counting = 'nps' AND j.amount >= 9 THEN 1
      WHEN j.outcome = 'value' AND j.counting = 'csat' AND j.amount >= 4 THEN 1
      WHEN j.outcome = 'value' AND j.counting = 'rate' AND j.amount = 1 THEN 1
      ELSE 0
    END AS met_event,
    CASE WHEN j.outcome = 'pending' THEN 1 ELSE 0 END AS pending_event,
    CASE WHEN j.outcome = 'value' AND j.counting = 'nps' AND j.amount <= 6 THEN 1 ELSE 0 END AS detractor_event,
    CASE WHEN j.outcome = 'value' THEN j.amount ELSE {zero} END AS amount
  FROM judged AS j
  CROSS JOIN breakdowns AS b
  WHERE j.outcome IS NOT NULL AND (b.breakdown <> 'touchpoint' OR j.by_touchpoint)
)"
    )
}

const FIGURES: &str = "-- The tallies: plain sums.
figures AS (
  SELECT
    x.rule_id,
    x.period_key,
    x.breakdown,
    x.name,
    SUM(x.counted_event) AS events,
    SUM(x.met_event) AS met,
    SUM(x.pending_event) AS pending,
    SUM(x.detractor_event) AS detractors,
    SUM(x.amount) AS total
  FROM expanded AS x
  GROUP BY x.rule_id, x.period_key, x.breakdown, x.name
)";

/// The result of each tally, as `Tally::value` divides, and whether it held.
fn results(d: Dialect) -> String {
    let f = |e: &str| d.cast(e, Type::Float);
    let n = f("NULLIF(f.events, 0)");
    format!(
        "-- Results: percent met, the NPS, the rate in percent or the mean.
results AS (
  SELECT
    v.*,
    CASE
      WHEN v.value IS NULL THEN NULL
      WHEN r.per_event THEN v.value >= r.share
      WHEN r.direction = 'max' THEN v.value <= r.bound_value
      ELSE v.value >= r.bound_value
    END AS held
  FROM (
    SELECT
      f.*,
      CASE r.counting
        WHEN 'nps' THEN {nps} * 100 / {n}
        WHEN 'rate' THEN f.total * 100 / {n}
        WHEN 'mean' THEN f.total / {n}
        ELSE {met} * 100 / {n}
      END AS value
    FROM figures AS f
    JOIN standard_rule AS r ON r.rule_id = f.rule_id
  ) AS v
  JOIN standard_rule AS r ON r.rule_id = v.rule_id
)",
        nps = f("f.met - f.detractors"),
        met = f("f.met"),
    )
}

const TALLIED: &str = "-- Rows read, rejected and unused, as the report counts them.
tallied AS (
  SELECT
    (SELECT COUNT(*) FROM ranked) AS read_rows,
    (SELECT COUNT(*) FROM ranked WHERE status = 'rejected' OR copy_number > 1)
      + (SELECT COUNT(*) FROM inrange WHERE taken AND NOT measurable) AS rejected_rows,
    (SELECT COUNT(*) FROM ranked WHERE status = 'unused')
      + (SELECT COUNT(*) FROM inrange WHERE NOT taken) AS unused_rows
)";

/// One row per standard and period (every period in range, with or without events), per
/// agent, team and touchpoint in it, then the row counts.
fn select(d: Dialect) -> String {
    let text = |e: &str| d.cast(e, Type::Text);
    let int = |e: &str| d.cast(e, Type::Int);
    let float = |e: &str| d.cast(e, Type::Float);
    let boolean = |e: &str| d.cast(e, Type::Bool);
    let count = |breakdown: &str, column: &str, order: i64| {
        format!(
            "  SELECT {null_text} AS standard, {null_text} AS period, '{breakdown}' AS breakdown, '' AS name,
    {column} AS events, {null_int} AS met, {null_int} AS pending, {null_float} AS value,
    {null_float} AS target, {null_bool} AS held, {null_bool} AS partial, {null_float} AS trend,
    {big} AS sort_rule, 0 AS sort_period, {order} AS sort_breakdown
  FROM tallied",
            null_text = text("NULL"),
            null_int = int("NULL"),
            null_float = float("NULL"),
            null_bool = boolean("NULL"),
            big = i64::from(i32::MAX),
        )
    };
    format!(
        "SELECT standard, period, breakdown, name, events, met, pending, value, target, held, partial, trend
FROM (
  SELECT r.standard_id AS standard, p.period_label AS period, 'all' AS breakdown, '' AS name,
    COALESCE(v.events, 0) AS events,
    CASE WHEN r.counting = 'mean' THEN {null_int} ELSE COALESCE(v.met, 0) END AS met,
    COALESCE(v.pending, 0) AS pending,
    v.value AS value, r.target AS target, v.held AS held, p.partial AS partial,
    v.value - w.value AS trend,
    r.rule_id AS sort_rule, p.period_key AS sort_period, 0 AS sort_breakdown
  FROM period_list AS p
  JOIN standard_rule AS r ON r.rule_id = p.rule_id
  LEFT JOIN results AS v ON v.rule_id = p.rule_id AND v.period_key = p.period_key AND v.breakdown = 'all'
  LEFT JOIN results AS w ON w.rule_id = p.rule_id AND w.period_key = p.previous_key AND w.breakdown = 'all'
  UNION ALL
  SELECT r.standard_id, p.period_label, v.breakdown, v.name,
    v.events,
    CASE WHEN r.counting = 'mean' THEN {null_int} ELSE v.met END,
    v.pending, v.value, r.target, v.held, p.partial, {null_float},
    r.rule_id, p.period_key, b.breakdown_order
  FROM results AS v
  JOIN period_list AS p ON p.rule_id = v.rule_id AND p.period_key = v.period_key
  JOIN standard_rule AS r ON r.rule_id = v.rule_id
  JOIN breakdowns AS b ON b.breakdown = v.breakdown
  WHERE v.breakdown <> 'all'
  UNION ALL
{rows}
  UNION ALL
{rejected}
  UNION ALL
{unused}
) AS report
ORDER BY sort_rule, sort_period, sort_breakdown, name;
",
        null_int = int("NULL"),
        null_float = float("NULL"),
        rows = count("rows", "read_rows", 1),
        rejected = count("rejected", "rejected_rows", 2),
        unused = count("unused", "unused_rows", 3),
    )
}
