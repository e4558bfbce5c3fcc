//! What to generate for a handbook: its places (touchpoints, with their business hours and
//! roster), the streams (one metric at one place, scaled to the strictest active standard
//! that counts it), the calendar, and the range as instants.

use jiff::tz::TimeZone;

use super::GenerateOptions;
use super::arrivals::{self, open_day_weight};
use super::hours::{self, Calendar};
use super::random::Rng;
use super::roster::{Agent, NameSource};
use super::values::{self, Family};
use super::zone::Zone;
use crate::check::Checked;
use crate::model::{Channel, Language, Measure, MetricKind, Standard, Status};
use crate::values::{Date, Schedule, parse_schedule};

pub(super) struct Place {
    /// The touchpoint id; empty for events at no touchpoint.
    pub(super) id: String,
    pub(super) channel: Option<Channel>,
    pub(super) schedule: Schedule,
    /// Customers write here outside the open hours too (e-mail, social media, ...).
    pub(super) takes_messages: bool,
    pub(super) roster: usize,
    /// Whether a stream uses it.
    pub(super) used: bool,
    /// The team its people are named after.
    team: String,
}

pub(super) struct Stream {
    pub(super) metric: String,
    pub(super) family: Family,
    pub(super) place: usize,
    /// Arrivals per unit of a day's weight (`arrivals::Bins`).
    pub(super) rate: f64,
    /// The median wait of an ordinary day, for durations.
    pub(super) median: f64,
    /// Customers give up waiting (calls, chats, a queue in the shop).
    pub(super) abandons: bool,
    /// Some give up within seconds (misdials): calls only.
    pub(super) short_abandons: bool,
    /// The chance that a message is never answered at all.
    pub(super) forgotten: f64,
    pub(super) prefix: &'static str,
}

pub(super) struct Plan {
    pub(super) places: Vec<Place>,
    pub(super) streams: Vec<Stream>,
    pub(super) rosters: Vec<Vec<Agent>>,
    pub(super) calendar: Calendar,
    /// The first local day, as a day number.
    pub(super) first_day: i64,
    /// The local midnight after the last day: nothing happens at or after it.
    pub(super) horizon: i64,
    pub(super) working_mean: f64,
    pub(super) unknown_touchpoint: String,
    /// For a bad row: a metric with a range, its touchpoint, a value outside the range.
    pub(super) out_of_range: (String, String, &'static str),
}

impl Plan {
    pub(super) fn new(checked: &Checked, options: &GenerateOptions, rng: &mut Rng) -> Plan {
        let handbook = &checked.handbook;
        let settings = handbook.settings.as_ref();
        let language = settings.map_or(Language::En, |s| s.language.value);
        let calendar_settings = settings.map(|s| &s.calendar);
        let tz = calendar_settings
            .and_then(|c| TimeZone::get(c.timezone_name()).ok())
            .unwrap_or(TimeZone::UTC);
        let first_day = Date::new(
            i32::from(options.from.year()),
            options.from.month() as u32,
            options.from.day() as u32,
        )
        .map_or(0, Date::to_days);
        let last_day = first_day + i64::from(options.days);
        // Business time and abandons may reach past the range; keep a margin of offsets.
        let zone = Zone::new(
            &tz,
            (first_day - 2) * 86_400 - 86_400,
            (last_day + 400) * 86_400,
        );
        let mut holidays: Vec<i64> = calendar_settings
            .map(|c| c.holidays.iter().map(|d| d.value.to_days()).collect())
            .unwrap_or_default();
        holidays.sort_unstable();
        let calendar = Calendar { zone, holidays };
        let horizon = calendar.instant(last_day, 0);

        let default_team = settings
            .and_then(|s| s.owner.as_ref())
            .map_or_else(String::new, |o| team_of(checked, &o.value));
        let mut places: Vec<Place> = handbook
            .touchpoints
            .iter()
            .map(|tp| {
                let schedule = tp
                    .hours
                    .as_ref()
                    .and_then(|h| parse_schedule(&h.value, language).ok())
                    .filter(|s| s.days.iter().any(|d| !d.is_empty()))
                    .unwrap_or_else(hours::fallback);
                let channel = tp.channel.value;
                Place {
                    id: tp.meta.id.value.clone(),
                    channel: Some(channel),
                    schedule,
                    takes_messages: takes_messages(Some(channel)),
                    roster: 0,
                    used: false,
                    team: team_of(checked, &tp.owner.value),
                }
            })
            .collect();
        places.push(Place {
            id: String::new(),
            channel: None,
            schedule: hours::fallback(),
            takes_messages: true,
            roster: 0,
            used: false,
            team: default_team,
        });
        let nowhere = places.len() - 1;

        // The strictest active standard per (metric, place).
        let mut chosen: Vec<(String, usize, &Measure)> = Vec::new();
        for standard in handbook.standards.iter().filter(|s| counts(s)) {
            let Some(measure) = &standard.measure else {
                continue;
            };
            let targets: Vec<usize> = match standard.touchpoints.is_empty() {
                true => vec![nowhere],
                false => standard
                    .touchpoints
                    .iter()
                    .filter_map(|r| places.iter().position(|p| p.id == r.value))
                    .collect(),
            };
            for place in targets {
                let metric = &measure.metric.value;
                match chosen
                    .iter_mut()
                    .find(|(m, p, _)| m == metric && *p == place)
                {
                    Some(entry) if values::stricter(measure, entry.2) => entry.2 = measure,
                    Some(_) => {}
                    None => chosen.push((metric.clone(), place, measure)),
                }
            }
        }

        let rosters = rosters(&mut places, &chosen, language, rng);
        let working_mean = arrivals::working_mean();
        let streams: Vec<Stream> = chosen
            .iter()
            .map(|(metric, p, measure)| {
                let place = &places[*p];
                let family = Family::of(measure);
                let (median, bound) = match family {
                    Family::Duration { bound, .. } => (Family::median_wait(bound), bound),
                    _ => (0.0, 0.0),
                };
                let synchronous = matches!(
                    place.channel,
                    Some(Channel::Phone | Channel::Chat | Channel::Store)
                );
                let waits_in_line = matches!(
                    metric.as_str(),
                    "answer_time" | "first_response_time" | "wait_time"
                );
                Stream {
                    metric: metric.clone(),
                    rate: f64::from(options.per_day) * family.per_contact()
                        / open_day_weight(&place.schedule),
                    median,
                    abandons: family.is_duration() && synchronous && waits_in_line && bound > 0.0,
                    short_abandons: place.channel == Some(Channel::Phone),
                    forgotten: match family.is_duration() && place.takes_messages {
                        true => 0.003,
                        false => 0.0,
                    },
                    prefix: values::id_prefix(metric, place.channel),
                    family,
                    place: *p,
                }
            })
            .collect();

        let unknown_touchpoint = ["kiosk", "fax", "pager", "old-hotline"]
            .into_iter()
            .find(|c| !places.iter().any(|p| p.id == *c))
            .unwrap_or("no-such-touchpoint")
            .to_string();
        let out_of_range = streams
            .iter()
            .find_map(|s| {
                s.family
                    .out_of_range()
                    .map(|v| (s.metric.clone(), places[s.place].id.clone(), v))
            })
            .unwrap_or_else(|| ("nps".into(), String::new(), "11"));
        Plan {
            places,
            streams,
            rosters,
            calendar,
            first_day,
            horizon,
            working_mean,
            unknown_touchpoint,
            out_of_range,
        }
    }
}

/// Active standards with a target; a custom metric without a unit is not measurable.
fn counts(standard: &Standard) -> bool {
    standard.status.value == Status::Active
        && standard
            .measure
            .as_ref()
            .is_some_and(|m| m.kind != MetricKind::Custom || m.unit.is_some())
}

/// Whether customers write to `channel` when it is closed.
fn takes_messages(channel: Option<Channel>) -> bool {
    !matches!(
        channel,
        Some(Channel::Phone | Channel::Chat | Channel::Store)
    )
}

/// The team of the owner `id`: its `team`, else its name.
fn team_of(checked: &Checked, id: &str) -> String {
    checked
        .handbook
        .owners
        .iter()
        .find(|o| o.meta.id.value == id)
        .map_or_else(
            || id.to_string(),
            |o| o.team.as_ref().unwrap_or(&o.name).value.clone(),
        )
}

/// One roster per team, sized by how many used places it serves; places get its index.
fn rosters(
    places: &mut [Place],
    chosen: &[(String, usize, &Measure)],
    language: Language,
    rng: &mut Rng,
) -> Vec<Vec<Agent>> {
    for (_, place, _) in chosen {
        places[*place].used = true;
    }
    let mut teams: Vec<(String, usize)> = Vec::new();
    for place in places.iter().filter(|p| p.used) {
        match teams.iter_mut().find(|(t, _)| *t == place.team) {
            Some((_, n)) => *n += 1,
            None => teams.push((place.team.clone(), 1)),
        }
    }
    let mut names = NameSource::new(language);
    let rosters = teams
        .iter()
        .map(|(team, n)| {
            let team = if team.is_empty() { "Team" } else { team };
            names.roster(rng, team, (2 + 2 * n).min(12))
        })
        .collect();
    for place in places.iter_mut() {
        place.roster = teams
            .iter()
            .position(|(t, _)| *t == place.team)
            .unwrap_or(0);
    }
    rosters
}
