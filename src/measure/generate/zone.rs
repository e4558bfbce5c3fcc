//! The calendar's time zone as a table of offset changes over the generated range, so that
//! turning an instant into local time (and back) per row is a binary search in a few entries
//! rather than a time-zone lookup; and the three timestamp spellings of FORMAT.md §8.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::values::Date;

/// How a timestamp is written in a generated row.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub(super) enum Spelling {
    /// `2026-10-01T09:00:03+02:00`
    #[default]
    Offset,
    /// `2026-10-01T07:00:03Z`
    Utc,
    /// `2026-10-01 09:00:03`, read in the calendar's time zone.
    Local,
}

#[derive(Debug, Clone)]
pub(super) struct Zone {
    /// The offset (seconds east of UTC) before the first transition.
    initial: i32,
    /// `(instant, offset from then on)`, in order.
    transitions: Vec<(i64, i32)>,
}

impl Zone {
    /// The offsets of `tz` between the instants `from` and `until` (seconds since the epoch).
    pub(super) fn new(tz: &TimeZone, from: i64, until: i64) -> Zone {
        let start = Timestamp::from_second(from).unwrap_or(Timestamp::UNIX_EPOCH);
        let transitions = tz
            .following(start)
            .map(|t| (t.timestamp().as_second(), t.offset().seconds()))
            .take_while(|(at, _)| *at <= until)
            .collect();
        Zone {
            initial: tz.to_offset(start).seconds(),
            transitions,
        }
    }

    pub(super) fn offset_at(&self, utc: i64) -> i32 {
        match self.transitions.partition_point(|(at, _)| *at <= utc) {
            0 => self.initial,
            i => self.transitions[i - 1].1,
        }
    }

    /// The instant of a local time given as seconds since 1970-01-01 00:00 local. In a
    /// daylight-saving gap or fold it picks one of the nearby instants, which is all the
    /// generator needs: it only ever asks for the instants it then writes.
    pub(super) fn local_to_utc(&self, local: i64) -> i64 {
        let guess = local - i64::from(self.offset_at(local));
        local - i64::from(self.offset_at(guess))
    }

    /// Local seconds since 1970-01-01 00:00 local.
    pub(super) fn utc_to_local(&self, utc: i64) -> i64 {
        utc + i64::from(self.offset_at(utc))
    }

    /// Whether a local spelling of `utc` could be ambiguous or land in a gap: within two
    /// hours of an offset change.
    pub(super) fn near_change(&self, utc: i64) -> bool {
        let i = self.transitions.partition_point(|(at, _)| *at <= utc);
        let near = |j: usize| {
            self.transitions
                .get(j)
                .is_some_and(|(at, _)| (at - utc).abs() < 7_200)
        };
        (i > 0 && near(i - 1)) || near(i)
    }

    /// Appends `utc` in `spelling` to `out`.
    pub(super) fn write(&self, out: &mut Vec<u8>, utc: i64, spelling: Spelling) {
        let offset = match spelling {
            Spelling::Utc => 0,
            Spelling::Offset | Spelling::Local => self.offset_at(utc),
        };
        let local = utc + i64::from(offset);
        let date = Date::from_days(local.div_euclid(86_400));
        let second = local.rem_euclid(86_400);
        let mut text = [0u8; 25];
        let mut put = |at: usize, value: u32, width: usize| {
            let mut v = value;
            for i in (0..width).rev() {
                text[at + i] = b'0' + (v % 10) as u8;
                v /= 10;
            }
        };
        put(0, date.year.clamp(0, 9999) as u32, 4);
        put(5, date.month, 2);
        put(8, date.day, 2);
        put(11, (second / 3600) as u32, 2);
        put(14, (second / 60 % 60) as u32, 2);
        put(17, (second % 60) as u32, 2);
        let minutes = offset.abs() / 60;
        put(20, (minutes / 60) as u32, 2);
        put(23, (minutes % 60) as u32, 2);
        text[4] = b'-';
        text[7] = b'-';
        text[13] = b':';
        text[16] = b':';
        text[22] = b':';
        text[19] = if offset < 0 { b'-' } else { b'+' };
        match spelling {
            Spelling::Offset => {
                text[10] = b'T';
                out.extend_from_slice(&text);
            }
            Spelling::Utc => {
                text[10] = b'T';
                out.extend_from_slice(&text[..19]);
                out.push(b'Z');
            }
            Spelling::Local => {
                text[10] = b' ';
                out.extend_from_slice(&text[..19]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warsaw() -> Zone {
        let tz = TimeZone::get("Europe/Warsaw").unwrap();
        // 2026-01-01 .. 2027-01-01
        Zone::new(&tz, 1_767_225_600, 1_798_761_600)
    }

    fn spelled(zone: &Zone, utc: i64, spelling: Spelling) -> String {
        let mut out = Vec::new();
        zone.write(&mut out, utc, spelling);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn writes_the_three_spellings_as_jiff_reads_them() {
        let zone = warsaw();
        // 2026-10-01T07:00:03Z, summer time.
        let utc = 1_790_838_003;
        assert_eq!(
            spelled(&zone, utc, Spelling::Offset),
            "2026-10-01T09:00:03+02:00"
        );
        assert_eq!(spelled(&zone, utc, Spelling::Utc), "2026-10-01T07:00:03Z");
        assert_eq!(spelled(&zone, utc, Spelling::Local), "2026-10-01 09:00:03");
        let parsed: Timestamp = spelled(&zone, utc, Spelling::Offset).parse().unwrap();
        assert_eq!(parsed.as_second(), utc);
        // Winter time after 2026-10-25.
        assert_eq!(
            spelled(&zone, utc + 40 * 86_400, Spelling::Offset),
            "2026-11-10T08:00:03+01:00"
        );
    }

    #[test]
    fn local_and_utc_round_trip_away_from_changes() {
        let zone = warsaw();
        for utc in (1_767_225_600..1_798_761_600).step_by(3_607) {
            if !zone.near_change(utc) {
                assert_eq!(zone.local_to_utc(zone.utc_to_local(utc)), utc);
            }
        }
        assert_eq!(zone.transitions.len(), 2);
    }
}
