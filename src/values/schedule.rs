//! The schedule form of a touchpoint's `hours` (FORMAT.md §8): `pon.–pt. 8–18, sob. 9–14`.
//!
//! A schedule is what business hours are counted on; a text that is not one stays display
//! text. The words come from `day_words.rs`; the rules where FORMAT.md is silent are written
//! down in docs/format.md ("Schedules"), and each has a test below.

use super::day_words::{self, EVERY_DAY, Meaning};
use crate::model::Language;

mod lex;

use lex::{Kind, Token, lex};

/// Opening hours per weekday, in local minutes since midnight.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Schedule {
    /// Monday first. Each range is `[start, end)` in minutes after the day's local midnight,
    /// sorted and not overlapping; `end` is at most 2 × 1440: a range past 1440 runs
    /// overnight into the next day (`22–6` is `(1320, 1800)`) and belongs to the day it
    /// starts on, so a holiday on that day removes all of it. The overnight part may overlap
    /// the next day's own first range (`Mon 22–6, Tue 0–8`); open time is their union.
    pub days: [Vec<(u32, u32)>; 7],
}

const DAY: u32 = 1440;

/// Parses `text` as a schedule in `language` or English; `Err` is the help line.
pub fn parse_schedule(text: &str, language: Language) -> Result<Schedule, String> {
    let tokens = lex(text, language)?;
    let mut parser = Parser {
        text,
        tokens,
        pos: 0,
        language,
    };
    let groups = parser.groups()?;
    assemble(&groups, language)
}

/// A schedule written in `language`, for help lines: `pon.–pt. 8–18, sob. 9–14`.
pub(crate) fn schedule_example(language: Language) -> &'static str {
    day_words::examples(language).0
}

/// Days and what they get; `days: None` continues the days of the group before.
#[derive(Debug)]
struct Group<'t> {
    days: Option<u8>,
    what: What,
    text: &'t str,
}

#[derive(Debug)]
enum What {
    /// Days only: they take the times of the next group (`sob., niedz. 10–14`).
    Nothing,
    Closed,
    /// Ranges in minutes, and whether they were all written as "around the clock".
    Ranges(Vec<(u32, u32)>, bool),
}

struct Parser<'t> {
    text: &'t str,
    tokens: Vec<Token>,
    pos: usize,
    language: Language,
}

impl<'t> Parser<'t> {
    /// Every group, in order: pieces between commas, each one or more groups.
    fn groups(&mut self) -> Result<Vec<Group<'t>>, String> {
        if self.tokens.is_empty() {
            return Err(format!(
                "the hours are empty: write the days, then the times, like `{}`",
                self.example()
            ));
        }
        let mut groups = Vec::new();
        loop {
            if self.piece_ended() {
                return Err(format!(
                    "the hours have an empty part between commas: remove the extra comma, like `{}`",
                    self.example()
                ));
            }
            let mut first = true;
            while !self.piece_ended() {
                groups.push(self.group(first)?);
                first = false;
            }
            if self.pos >= self.tokens.len() {
                return Ok(groups);
            }
            self.pos += 1;
        }
    }

    fn group(&mut self, first: bool) -> Result<Group<'t>, String> {
        let start = self.pos;
        if self.kind() == Some(Kind::AllWeek) {
            self.pos += 1;
            return Ok(self.finish(start, Some(EVERY_DAY), What::Ranges(vec![(0, DAY)], true)));
        }
        let days = self.days(first)?;
        if days.is_none() && !first {
            return Err(self.stray());
        }
        if days.is_some() && self.kind() == Some(Kind::Colon) {
            self.pos += 1;
        }
        let what = if self.piece_ended() {
            What::Nothing
        } else if let Some(len) = self.phrase(|m| m == Meaning::Closed) {
            self.pos += len;
            What::Closed
        } else if days.is_some() || self.time_follows() {
            let (ranges, clock) = self.times()?;
            What::Ranges(ranges, clock)
        } else {
            return Err(self.stray());
        };
        Ok(self.finish(start, days, what))
    }

    fn finish(&self, start: usize, days: Option<u8>, what: What) -> Group<'t> {
        let text = &self.text[self.tokens[start].start..self.tokens[self.pos - 1].end];
        Group { days, what, text }
    }

    /// Day names, day ranges and words for several days, with optional `and` between them.
    fn days(&mut self, first: bool) -> Result<Option<u8>, String> {
        let mut mask = None;
        loop {
            let save = self.pos;
            if mask.is_some() && self.phrase(|m| m == Meaning::Closed).is_some() {
                break;
            }
            if mask.is_some() || !first {
                self.skip_word(Meaning::And);
            }
            match self.day_spec()? {
                Some(m) => mask = Some(mask.unwrap_or(0) | m),
                None => {
                    self.pos = save;
                    break;
                }
            }
        }
        Ok(mask)
    }

    /// One day, a range of days (`pon.–pt.`, `from Monday to Friday`) or a word for several.
    fn day_spec(&mut self) -> Result<Option<u8>, String> {
        let start = self.pos;
        let day = |m: Meaning| matches!(m, Meaning::Day(_) | Meaning::Days(_));
        if let Some((Meaning::Days(mask), len)) = self.phrase_meaning(day) {
            self.pos += len;
            return Ok(Some(mask));
        }
        self.skip_word(Meaning::From);
        let Some((Meaning::Day(first), len)) = self.phrase_meaning(day) else {
            self.pos = start;
            return Ok(None);
        };
        self.pos += len;
        if !self.dash_follows() {
            return Ok(Some(1 << first));
        }
        let dash = self.pos;
        self.pos += 1;
        let Some((Meaning::Day(last), len)) = self.phrase_meaning(|m| matches!(m, Meaning::Day(_)))
        else {
            return Err(format!(
                "`{}` needs a last day after the dash: write a range of days like `{}`",
                self.part(start, dash),
                self.example_days()
            ));
        };
        self.pos += len;
        let mut mask = 0u8;
        let mut d = first;
        loop {
            mask |= 1 << d;
            if d == last {
                return Ok(Some(mask));
            }
            d = (d + 1) % 7;
        }
    }

    /// Time ranges, with optional `and` between them.
    fn times(&mut self) -> Result<(Vec<(u32, u32)>, bool), String> {
        let mut ranges = Vec::new();
        let mut clock = true;
        loop {
            if let Some(len) = self.phrase(|m| m == Meaning::AroundTheClock) {
                self.pos += len;
                ranges.push((0, DAY));
            } else {
                clock = false;
                ranges.push(self.range()?);
            }
            let save = self.pos;
            self.skip_word(Meaning::And);
            if !self.time_follows() {
                self.pos = save;
                return Ok((ranges, clock));
            }
        }
    }

    /// `8–18`, `from 8 to 18`, `22–6` (overnight).
    fn range(&mut self) -> Result<(u32, u32), String> {
        let start = self.pos;
        self.skip_word(Meaning::From);
        if self.kind() != Some(Kind::Number) {
            return Err(self.stray());
        }
        let opens = self.time(false)?;
        if !self.dash_follows() {
            if self.kind() == Some(Kind::Word) {
                return Err(self.stray());
            }
            return Err(format!(
                "`{}` has no closing time: write a range like `8–18`",
                self.part(start, self.pos - 1)
            ));
        }
        self.pos += 1;
        if self.kind() != Some(Kind::Number) {
            return Err(format!(
                "`{}` has no closing time: write a range like `8–18`",
                self.part(start, self.pos - 1)
            ));
        }
        let closes = self.time(true)?;
        if opens == closes {
            return Err(format!(
                "`{}` opens and closes at the same time: for the whole day write `0–24`",
                self.part(start, self.pos - 1)
            ));
        }
        Ok(if closes <= opens {
            (opens, closes + DAY)
        } else {
            (opens, closes)
        })
    }

    /// The time at the current token, in minutes; `24` (or `24:00`) only as a closing time.
    fn time(&mut self, closing: bool) -> Result<u32, String> {
        let token = &self.tokens[self.pos];
        let written = &self.text[token.start..token.end];
        self.pos += 1;
        let bad =
            || format!("`{written}` is not a time: write times as 8, 8:00 or 8.00, from 0 to 24");
        let (hours, minutes) = match written.split_once([':', '.']) {
            Some((h, m)) if m.len() == 2 => (h, m),
            Some(_) => return Err(bad()),
            None => (written, "00"),
        };
        if hours.len() > 2 {
            return Err(bad());
        }
        let (Ok(hours), Ok(minutes)) = (hours.parse::<u32>(), minutes.parse::<u32>()) else {
            return Err(bad());
        };
        if hours > 24 || minutes > 59 || (hours == 24 && minutes > 0) {
            return Err(bad());
        }
        if hours == 24 && !closing {
            return Err(format!(
                "`{written}` closes the day and cannot open a range: write `0` for midnight"
            ));
        }
        Ok(hours * 60 + minutes)
    }

    /// A help line for the token at the current position, which does not fit there.
    fn stray(&self) -> String {
        let example = self.example();
        let Some(token) = self.tokens.get(self.pos) else {
            return format!(
                "the hours end too early: write the days, then the times, like `{example}`"
            );
        };
        let written = quote(&self.text[token.start..token.end]);
        let after_time = self.pos > 0 && self.tokens[self.pos - 1].kind == Kind::Number;
        match token.kind {
            Kind::Word if matches!(token.folded.as_str(), "am" | "pm") => {
                format!("`{written}`: write 24-hour times, like `9–17` for 9 am to 5 pm")
            }
            Kind::Word if after_time => format!(
                "`{written}` cannot follow a time: write times as 8, 8:00 or 8.00 and days in {}, like `{example}`",
                day_words::accepted(self.language)
            ),
            Kind::Word if self.phrase_meaning(|_| true).is_none() => format!(
                "`{written}` is not a day name in {}: write the days, then the times, like `{example}`",
                day_words::accepted(self.language)
            ),
            Kind::Number if !after_time => format!(
                "`{}` has no days before it: write the days first, like `{example}`",
                quote(&self.text[token.start..self.piece_end()])
            ),
            _ => format!(
                "`{written}` does not belong there: write the days, then the times, like `{example}`"
            ),
        }
    }

    fn kind(&self) -> Option<Kind> {
        self.tokens.get(self.pos).map(|t| t.kind)
    }

    fn piece_ended(&self) -> bool {
        matches!(self.kind(), None | Some(Kind::Comma))
    }

    /// The byte offset where the current piece ends (its comma or the end of the text).
    fn piece_end(&self) -> usize {
        self.tokens[self.pos..]
            .iter()
            .take_while(|t| t.kind != Kind::Comma)
            .last()
            .map_or(self.text.len(), |t| t.end)
    }

    /// Whether a dash or a `to` word comes next.
    fn dash_follows(&self) -> bool {
        self.kind() == Some(Kind::Dash) || self.phrase(|m| m == Meaning::To).is_some()
    }

    /// Whether a time range starts here.
    fn time_follows(&self) -> bool {
        let from = usize::from(self.phrase(|m| m == Meaning::From).is_some());
        self.tokens
            .get(self.pos + from)
            .is_some_and(|t| t.kind == Kind::Number)
            || self.phrase(|m| m == Meaning::AroundTheClock).is_some()
    }

    fn skip_word(&mut self, meaning: Meaning) {
        if let Some(len) = self.phrase(|m| m == meaning) {
            self.pos += len;
        }
    }

    /// The length in tokens of the longest phrase at the current position whose meaning is
    /// accepted.
    fn phrase(&self, accept: impl Fn(Meaning) -> bool) -> Option<usize> {
        self.phrase_meaning(accept).map(|(_, len)| len)
    }

    fn phrase_meaning(&self, accept: impl Fn(Meaning) -> bool) -> Option<(Meaning, usize)> {
        let mut best: Option<(Meaning, usize)> = None;
        for phrase in day_words::phrases(self.language) {
            let len = phrase.words.len();
            if !accept(phrase.meaning) || best.is_some_and(|(_, l)| l >= len) {
                continue;
            }
            let matches = phrase.words.iter().enumerate().all(|(k, word)| {
                self.tokens
                    .get(self.pos + k)
                    .is_some_and(|t| t.kind == Kind::Word && t.folded == *word)
            });
            if matches {
                best = Some((phrase.meaning, len));
            }
        }
        best
    }

    /// The text of tokens `first..=last`.
    fn part(&self, first: usize, last: usize) -> String {
        quote(&self.text[self.tokens[first].start..self.tokens[last].end])
    }

    fn example(&self) -> &'static str {
        day_words::examples(self.language).0
    }

    fn example_days(&self) -> &'static str {
        let example = self.example();
        example.split(' ').next().unwrap_or(example)
    }
}

/// A part of the text short enough for a help line.
fn quote(part: &str) -> String {
    const MAX: usize = 40;
    match part.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &part[..cut]),
        None => part.to_string(),
    }
}

fn assemble(groups: &[Group<'_>], language: Language) -> Result<Schedule, String> {
    let (example, closed_example) = day_words::examples(language);
    let mut schedule = Schedule::default();
    let mut closed = 0u8;
    let mut pending: Option<(u8, &str)> = None;
    let mut last: Option<u8> = None;
    for group in groups {
        let waiting = pending.take();
        let days = match (group.days, waiting) {
            (Some(d), Some((p, _))) => Some(d | p),
            (Some(d), None) => Some(d),
            (None, Some((p, _))) => Some(p),
            (None, None) => None,
        };
        match &group.what {
            What::Nothing => pending = days.map(|d| (d, group.text)),
            What::Closed => {
                let Some(days) = days else {
                    return Err(format!(
                        "`{}` has no days before it: name the closed days, like `{closed_example}`",
                        quote(group.text)
                    ));
                };
                closed |= days;
                last = None;
            }
            What::Ranges(ranges, clock) => {
                let days = match (days, last) {
                    (Some(d), _) | (None, Some(d)) => d,
                    (None, None) if *clock => EVERY_DAY,
                    (None, None) => {
                        return Err(format!(
                            "`{}` has no days before it: write the days first, like `{example}`",
                            quote(group.text)
                        ));
                    }
                };
                for (day, open) in schedule.days.iter_mut().enumerate() {
                    if days & (1 << day) != 0 {
                        open.extend_from_slice(ranges);
                    }
                }
                last = Some(days);
            }
        }
    }
    if let Some((_, text)) = pending {
        return Err(format!(
            "`{}` has no times: write them after the days, like `{example}`, or mark the days closed, like `{closed_example}`",
            quote(text)
        ));
    }
    for (day, open) in schedule.days.iter_mut().enumerate() {
        if closed & (1 << day) != 0 {
            open.clear();
        }
        *open = merged(std::mem::take(open));
    }
    if schedule.days.iter().all(Vec::is_empty) {
        return Err(format!(
            "the hours are never open: give at least one day its times, like `{example}`"
        ));
    }
    Ok(schedule)
}

/// Ranges sorted, with overlapping and touching ones joined.
fn merged(mut ranges: Vec<(u32, u32)>) -> Vec<(u32, u32)> {
    ranges.sort_unstable();
    let mut out: Vec<(u32, u32)> = Vec::with_capacity(ranges.len());
    for (start, end) in ranges {
        match out.last_mut() {
            Some(last) if start <= last.1 => last.1 = last.1.max(end),
            _ => out.push((start, end)),
        }
    }
    out
}

#[cfg(test)]
mod tests;
