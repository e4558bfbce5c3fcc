//! `--as-of`: the moment open events are judged at, as a user types it.

use jiff::Timestamp;
use jiff::civil::{Date, DateTime};
use jiff::tz::TimeZone;

/// Seconds since the epoch of `text`: RFC 3339 with an offset, a local date-time in `tz`, or
/// a date, meaning the end of that local day. `Err` is the help line.
pub(crate) fn parse_as_of(text: &str, tz: &TimeZone) -> Result<i64, String> {
    let text = text.trim();
    if let Ok(t) = text.parse::<Timestamp>() {
        return Ok(t.as_second());
    }
    let local = text
        .parse::<DateTime>()
        .ok()
        .filter(|_| text.len() > 10)
        .or_else(|| {
            text.parse::<Date>()
                .ok()
                .filter(|_| text.len() == 10)
                .and_then(|d| d.tomorrow().ok())
                .map(|d| d.to_datetime(jiff::civil::Time::midnight()))
        });
    local
        .and_then(|dt| tz.to_ambiguous_timestamp(dt).compatible().ok())
        .map(|t| t.as_second())
        .ok_or_else(|| {
            "write a moment like 2026-11-30T12:00:00+01:00, a local 2026-11-30 12:00, or a date \
             2026-11-30 (its end)"
                .to_string()
        })
}

/// The calendar's time zone (UTC without one).
pub(crate) fn timezone(handbook: &crate::model::Handbook) -> TimeZone {
    let name = handbook
        .settings
        .as_ref()
        .map_or("UTC", |s| s.calendar.timezone_name());
    TimeZone::get(name).unwrap_or(TimeZone::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_spelling_of_a_moment() {
        let warsaw = TimeZone::get("Europe/Warsaw").unwrap();
        let utc = |s: &str| s.parse::<Timestamp>().unwrap().as_second();
        assert_eq!(
            parse_as_of("2026-11-30T12:00:00+01:00", &warsaw),
            Ok(utc("2026-11-30T11:00:00Z"))
        );
        assert_eq!(
            parse_as_of("2026-11-30 12:00", &warsaw),
            Ok(utc("2026-11-30T11:00:00Z"))
        );
        assert_eq!(
            parse_as_of("2026-11-30", &warsaw),
            Ok(utc("2026-11-30T23:00:00Z"))
        );
        assert!(parse_as_of("yesterday", &warsaw).is_err());
        assert!(parse_as_of("2026-13-01", &warsaw).is_err());
    }
}
