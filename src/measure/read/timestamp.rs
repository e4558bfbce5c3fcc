//! The moments of an events file: RFC 3339 with an offset, or a local date-time read in the
//! calendar's time zone (FORMAT.md §8).
//!
//! A 10-million-row export holds 20 million of them, so the fixed layouts every export uses
//! (`2026-10-01T09:00:03+02:00`, `…Z`, `2026-10-01 09:00:03.250`, `2026-10-01T09:00`,
//! `2026-10-01`) are read by hand, and a local time reuses the offset of the last one while
//! no daylight-saving change is near. Everything else goes to jiff, which is also the
//! reference the hand-written path is tested against. A local time in a daylight-saving gap
//! or fold resolves by jiff's "compatible" rule: in a gap the clock is read as if the change
//! had not happened yet (02:30 on the spring-forward night is 03:30 summer time), in a fold
//! the earlier of the two moments is taken. A date alone is its local midnight.

use jiff::Timestamp;
use jiff::civil::DateTime;
use jiff::tz::TimeZone;

/// Seconds kept between a cached offset's range and the nearest time-zone transition: more
/// than any offset change (Samoa skipped a whole day in 2011), so a local time mapped with
/// the cached offset can have no other reading.
const MARGIN: i64 = 2 * 86_400;

/// Reads timestamps of one file; holds the offset of the local times it last converted.
pub(super) struct Timestamps<'a> {
    tz: &'a TimeZone,
    /// UTC seconds `[lo, hi)` in which `offset` holds, at least `MARGIN` from any transition.
    cache: Option<(i64, i64, i64)>,
}

/// The parts of a timestamp in a fixed layout.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Parts {
    /// Seconds of the civil date-time counted as if it were UTC.
    civil: i64,
    nanos: i32,
    /// Seconds east of UTC, when the text has an offset.
    offset: Option<i64>,
}

impl<'a> Timestamps<'a> {
    pub(super) fn new(tz: &'a TimeZone) -> Timestamps<'a> {
        Timestamps { tz, cache: None }
    }

    /// The moment `text` names, or `None` when it is not a timestamp sok reads.
    pub(super) fn parse(&mut self, text: &str) -> Option<Timestamp> {
        let text = text.trim();
        match fixed(text.as_bytes()) {
            Some(Parts {
                civil,
                nanos,
                offset: Some(offset),
            }) => Timestamp::new(civil - offset, nanos).ok(),
            Some(Parts {
                civil,
                nanos,
                offset: None,
            }) => self.local(civil, nanos),
            None => self.fallback(text),
        }
    }

    /// The moment of a local civil time given as seconds counted as if it were UTC (how a
    /// Parquet timestamp without a time zone is stored).
    pub(super) fn local(&mut self, civil: i64, nanos: i32) -> Option<Timestamp> {
        if let Some((lo, hi, offset)) = self.cache {
            let utc = civil - offset;
            if lo <= utc && utc < hi {
                return Timestamp::new(utc, nanos).ok();
            }
        }
        let dt = Timestamp::new(civil, nanos)
            .ok()?
            .to_zoned(TimeZone::UTC)
            .datetime();
        let at = self.tz.to_timestamp(dt).ok()?;
        self.remember(at);
        Some(at)
    }

    /// Caches the offset at `at` for the stretch between the transitions around it.
    fn remember(&mut self, at: Timestamp) {
        let offset = i64::from(self.tz.to_offset(at).seconds());
        let second = at.as_second();
        let after = Timestamp::from_second(second.saturating_add(1)).unwrap_or(at);
        let lo = self.tz.preceding(after).next().map_or(i64::MIN, |t| {
            t.timestamp().as_second().saturating_add(MARGIN)
        });
        let hi = self.tz.following(at).next().map_or(i64::MAX, |t| {
            t.timestamp().as_second().saturating_sub(MARGIN)
        });
        self.cache = (lo < hi).then_some((lo, hi, offset));
    }

    /// Any other spelling jiff reads: a timestamp with an offset, else a local date-time.
    fn fallback(&mut self, text: &str) -> Option<Timestamp> {
        if let Ok(at) = text.parse::<Timestamp>() {
            return Some(at);
        }
        if has_offset(text) {
            return None;
        }
        let dt: DateTime = text.parse().ok()?;
        self.tz.to_timestamp(dt).ok()
    }
}

/// Whether the text after the date has an offset or `Z` (a civil parse would drop it).
fn has_offset(text: &str) -> bool {
    let time = text
        .char_indices()
        .skip(1)
        .find(|(_, c)| matches!(c, 'T' | 't' | ' '))
        .map_or("", |(at, _)| &text[at..]);
    time.contains(['+', '-', 'Z', 'z', '[', '\u{2212}'])
}

/// The fixed layouts: `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM`, `:SS`,
/// `.fraction` (1–9 digits), and `Z` or `±HH:MM`. `None` for anything else, which the
/// fallback then reads or rejects; years outside 1900–2199 are left to it too.
fn fixed(b: &[u8]) -> Option<Parts> {
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let year = digits(&b[0..4])? as i64;
    let month = digits(&b[5..7])?;
    let day = digits(&b[8..10])?;
    if !(1900..2200).contains(&year) || !(1..=12).contains(&month) || day == 0 {
        return None;
    }
    if day > days_in_month(year, month) {
        return None;
    }
    let date = days_from_civil(year, month, day) * 86_400;
    if b.len() == 10 {
        return Some(Parts {
            civil: date,
            nanos: 0,
            offset: None,
        });
    }
    if !matches!(b[10], b'T' | b' ') || b.len() < 16 || b[13] != b':' {
        return None;
    }
    let hour = digits(&b[11..13])?;
    let minute = digits(&b[14..16])?;
    let mut at = 16;
    let mut second = 0;
    let mut nanos = 0;
    if b.get(at) == Some(&b':') {
        second = digits(b.get(at + 1..at + 3)?)?;
        at += 3;
        if b.get(at) == Some(&b'.') {
            let start = at + 1;
            let mut end = start;
            while end < b.len() && b[end].is_ascii_digit() {
                end += 1;
            }
            if end == start || end - start > 9 {
                return None;
            }
            nanos = digits(&b[start..end])? * 10u32.pow((9 - (end - start)) as u32);
            at = end;
        }
    }
    if hour > 23 || minute > 59 || second > 59 {
        return None;
    }
    let civil = date + i64::from(hour * 3600 + minute * 60 + second);
    let offset = match &b[at..] {
        [] => None,
        [b'Z'] => Some(0),
        [sign @ (b'+' | b'-'), h1, h2, b':', m1, m2] => {
            let hours = digits(&[*h1, *h2])?;
            let minutes = digits(&[*m1, *m2])?;
            if hours > 17 || minutes > 59 {
                return None;
            }
            let seconds = i64::from(hours * 3600 + minutes * 60);
            Some(if *sign == b'-' { -seconds } else { seconds })
        }
        _ => return None,
    };
    Some(Parts {
        civil,
        nanos: nanos as i32,
        offset,
    })
}

fn digits(b: &[u8]) -> Option<u32> {
    let mut n = 0u32;
    for &c in b {
        if !c.is_ascii_digit() {
            return None;
        }
        n = n * 10 + u32::from(c - b'0');
    }
    Some(n)
}

fn days_in_month(year: i64, month: u32) -> u32 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
pub(super) fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let yoe = year - era * 400;
    let month = i64::from(month);
    let doy = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + i64::from(day) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What jiff alone makes of a text: the behaviour the fast path must reproduce.
    fn reference(tz: &TimeZone, text: &str) -> Option<Timestamp> {
        Timestamps::new(tz).fallback(text.trim())
    }

    fn ts(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn every_documented_spelling() {
        let tz = TimeZone::get("Europe/Warsaw").unwrap();
        let mut t = Timestamps::new(&tz);
        let utc = ts("2026-10-01T07:00:03Z");
        for text in [
            "2026-10-01T09:00:03+02:00",
            "2026-10-01T07:00:03Z",
            "2026-10-01 09:00:03+02:00",
            "2026-10-01 09:00:03",
            "2026-10-01T09:00:03",
            "  2026-10-01T07:00:03Z ",
            "2026-10-01T07:00:03z",
            "2026-10-01T09:00:03+0200",
        ] {
            assert_eq!(t.parse(text), Some(utc), "{text}");
        }
        assert_eq!(
            t.parse("2026-10-01T09:00"),
            Some(ts("2026-10-01T07:00:00Z"))
        );
        assert_eq!(t.parse("2026-10-01"), Some(ts("2026-09-30T22:00:00Z")));
        assert_eq!(
            t.parse("2026-10-01T07:00:03.25Z"),
            Some(ts("2026-10-01T07:00:03.25Z"))
        );
        assert_eq!(
            t.parse("2026-10-01 09:00:03.123456789"),
            Some(ts("2026-10-01T07:00:03.123456789Z"))
        );
        for bad in [
            "",
            "yesterday",
            "2026-13-01 09:00",
            "2026-02-30 09:00",
            "2026-10-01 25:00",
            "01/10/2026 09:00",
            "2026-10-01T09:00:03+02:00junk",
            "1728000000",
        ] {
            assert_eq!(t.parse(bad), None, "{bad}");
        }
    }

    /// Compatible resolution: a gap reads the clock as before the change, a fold takes the
    /// earlier moment.
    #[test]
    fn daylight_saving_gap_and_fold() {
        let tz = TimeZone::get("Europe/Warsaw").unwrap();
        let mut t = Timestamps::new(&tz);
        // 2026-03-29: 02:00 → 03:00.
        assert_eq!(
            t.parse("2026-03-29 02:30:00"),
            Some(ts("2026-03-29T01:30:00Z"))
        );
        assert_eq!(
            t.parse("2026-03-29 03:30:00"),
            Some(ts("2026-03-29T01:30:00Z"))
        );
        // 2026-10-25: 03:00 → 02:00; 02:30 happens twice.
        assert_eq!(
            t.parse("2026-10-25 02:30:00"),
            Some(ts("2026-10-25T00:30:00Z"))
        );
        assert_eq!(
            t.parse("2026-10-25 03:30:00"),
            Some(ts("2026-10-25T02:30:00Z"))
        );
    }

    #[test]
    fn the_cache_follows_the_zone_across_a_year() {
        let tz = TimeZone::get("America/New_York").unwrap();
        let mut t = Timestamps::new(&tz);
        let mut minute = ts("2025-12-30T00:00:00Z").as_second();
        let end = ts("2027-01-02T00:00:00Z").as_second();
        while minute < end {
            let local = Timestamp::from_second(minute)
                .unwrap()
                .to_zoned(TimeZone::UTC);
            let text = local.datetime().to_string();
            assert_eq!(t.parse(&text), reference(&tz, &text), "{text}");
            minute += 7 * 60 + 13;
        }
    }

    fn layout() -> impl Strategy<Value = String> {
        let offset = prop_oneof![
            Just(String::new()),
            Just("Z".to_string()),
            Just("z".to_string()),
            (0..20u32, 0..61u32, prop::bool::ANY)
                .prop_map(|(h, m, neg)| format!("{}{h:02}:{m:02}", if neg { '-' } else { '+' })),
            (0..20u32, 0..61u32).prop_map(|(h, m)| format!("+{h:02}{m:02}")),
        ];
        let fraction = prop_oneof![
            Just(String::new()),
            (1..12usize, 0..u64::MAX).prop_map(|(n, d)| {
                let digits = format!("{d:020}");
                format!(".{}", &digits[..n])
            }),
        ];
        let time = prop_oneof![
            Just(String::new()),
            (
                prop::sample::select(vec!['T', ' ', 't', '_']),
                0..26u32,
                0..62u32,
                prop::option::of(0..62u32),
                fraction,
                offset,
            )
                .prop_map(|(sep, h, m, s, f, o)| match s {
                    Some(s) => format!("{sep}{h:02}:{m:02}:{s:02}{f}{o}"),
                    None => format!("{sep}{h:02}:{m:02}{o}"),
                }),
        ];
        (
            prop_oneof![1890..2210i32, 2024..2028i32],
            0..14u32,
            0..33u32,
            time,
        )
            .prop_map(|(y, m, d, t)| format!("{y:04}-{m:02}-{d:02}{t}"))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        /// The hand-written layouts agree with jiff on every input, valid or not, including
        /// local times around daylight-saving changes read through the cache.
        #[test]
        fn fast_path_agrees_with_jiff(
            texts in prop::collection::vec(layout(), 1..40),
            zone in prop::sample::select(vec![
                "Europe/Warsaw", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe", "UTC",
            ]),
        ) {
            let tz = TimeZone::get(zone).unwrap();
            let mut t = Timestamps::new(&tz);
            for text in &texts {
                prop_assert_eq!(t.parse(text), reference(&tz, text), "{}", text);
            }
        }

        #[test]
        fn days_from_civil_agrees_with_jiff(y in 1900..2200i64, m in 1..=12u32, d in 1..=28u32) {
            let date = jiff::civil::date(y as i16, m as i8, d as i8);
            let days = date.to_zoned(TimeZone::UTC).unwrap().timestamp().as_second() / 86_400;
            prop_assert_eq!(days_from_civil(y, m, d), days);
        }
    }
}
