//! What each of sok's metrics and channels is called in each tool, and why some are nothing
//! there. One table per question, read by the exporters and written into docs/export.md, so
//! the documentation cannot drift from what is exported.

use super::Tool;
use crate::model::Channel;
#[cfg(test)]
use crate::{metrics::BUILTIN, model::MetricKind};

/// One cell of a mapping table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cell {
    /// A number the tool uses as an id (Zendesk `via_id`, Freshdesk `source`).
    Num(u64),
    /// A word of the tool (a metric, a media type, a target, a contact type).
    Words(&'static [&'static str]),
    /// Nothing, and why, in the words a reviewer of the export needs.
    No(&'static str),
}

/// A metric in the four tools, in `Tool::ALL` order.
struct MetricRow {
    metric: &'static str,
    cells: [Cell; 4],
}

/// Genesys sets a service level per media type: `MEDIA` is the touchpoint's channel's media.
pub(crate) const MEDIA: &str = "media";

const NO_TICKET_CLOCK: &str = "the tool has no clock for a metric the handbook defines itself";

static METRICS: &[MetricRow] = &[
    MetricRow {
        metric: "answer_time",
        cells: [
            Cell::No("Zendesk's SLA policies time tickets, not calls waiting to be answered"),
            Cell::No("Freshdesk's SLA policies time tickets, not calls waiting to be answered"),
            Cell::Words(&[MEDIA]),
            Cell::No("ServiceNow's SLAs time task records, not calls waiting in a queue"),
        ],
    },
    MetricRow {
        metric: "callback_time",
        cells: [
            Cell::No("Zendesk has no clock for a callback"),
            Cell::No("Freshdesk has no clock for a callback"),
            Cell::Words(&["callback"]),
            Cell::No("ServiceNow's SLAs time task records, not callbacks"),
        ],
    },
    MetricRow {
        metric: "delivery_time",
        cells: [
            Cell::No("a delivery is not a ticket, so Zendesk has no clock for it"),
            Cell::No("a delivery is not a ticket, so Freshdesk has no clock for it"),
            Cell::No("a delivery is not an interaction in a queue"),
            Cell::No("a delivery is not a task record, so ServiceNow has no clock for it"),
        ],
    },
    MetricRow {
        metric: "first_response_time",
        cells: [
            Cell::Words(&["first_reply_time"]),
            Cell::Words(&["respond_within"]),
            Cell::Words(&[MEDIA]),
            Cell::Words(&["response"]),
        ],
    },
    MetricRow {
        metric: "resolution_time",
        cells: [
            Cell::Words(&["requester_wait_time"]),
            Cell::Words(&["resolve_within"]),
            Cell::No("Genesys times the wait for an agent, not the time to resolve"),
            Cell::Words(&["resolution"]),
        ],
    },
    MetricRow {
        metric: "response_time",
        cells: [
            Cell::Words(&["first_reply_time", "next_reply_time"]),
            Cell::Words(&["respond_within"]),
            Cell::Words(&[MEDIA]),
            Cell::Words(&["response"]),
        ],
    },
    MetricRow {
        metric: "wait_time",
        cells: [
            Cell::No("a wait on the spot is not a ticket, so Zendesk has no clock for it"),
            Cell::No("a wait on the spot is not a ticket, so Freshdesk has no clock for it"),
            Cell::Words(&[MEDIA]),
            Cell::No("a wait on the spot is not a task record"),
        ],
    },
];

/// A channel in the four tools, in `Tool::ALL` order: what selects its work when no group or
/// queue is set for the touchpoint in `[export]`.
struct ChannelRow {
    channel: Channel,
    cells: [Cell; 4],
}

const SET_GROUP: &str = "set a group for the touchpoint in `[export]`";

static CHANNELS: &[ChannelRow] = &[
    ChannelRow {
        channel: Channel::Phone,
        cells: [
            Cell::Num(34),
            Cell::Num(3),
            Cell::Words(&["call"]),
            Cell::Words(&["phone"]),
        ],
    },
    ChannelRow {
        channel: Channel::Email,
        cells: [
            Cell::Num(4),
            Cell::Num(1),
            Cell::Words(&["email"]),
            Cell::Words(&["email"]),
        ],
    },
    ChannelRow {
        channel: Channel::Chat,
        cells: [
            Cell::Num(29),
            Cell::Num(7),
            Cell::Words(&["message"]),
            Cell::Words(&["chat"]),
        ],
    },
    ChannelRow {
        channel: Channel::Social,
        cells: [
            Cell::No("Zendesk has one channel per social network"),
            Cell::No("Freshdesk has one source per social network"),
            Cell::Words(&["message"]),
            Cell::No("ServiceNow has no contact type for social networks"),
        ],
    },
    ChannelRow {
        channel: Channel::Web,
        cells: [
            Cell::Num(0),
            Cell::Num(2),
            Cell::No("a website is not a media type of a queue"),
            Cell::Words(&["self-service"]),
        ],
    },
    ChannelRow {
        channel: Channel::Store,
        cells: [
            Cell::No("a store visit does not come in as a ticket"),
            Cell::No("a store visit does not come in as a ticket"),
            Cell::No("a store visit is not a media type of a queue"),
            Cell::Words(&["walk-in"]),
        ],
    },
    ChannelRow {
        channel: Channel::Mail,
        cells: [
            Cell::No("letters by post do not come in as tickets"),
            Cell::No("letters by post do not come in as tickets"),
            Cell::No("letters by post are not a media type of a queue"),
            Cell::No("ServiceNow has no contact type for letters by post"),
        ],
    },
    ChannelRow {
        channel: Channel::Other,
        cells: [
            Cell::No("channel `other` names no Zendesk channel"),
            Cell::No("channel `other` names no Freshdesk source"),
            Cell::No("channel `other` names no media type"),
            Cell::No("channel `other` names no contact type"),
        ],
    },
];

/// What `metric` is in `tool`: its metrics (or Genesys media), or why it has none. Metrics
/// that are one figure per period (`csat`, the rates, custom ones) are nothing in every tool:
/// the tools set deadlines per ticket or interaction.
pub(crate) fn metric(tool: Tool, metric: &str) -> Cell {
    METRICS
        .iter()
        .find(|row| row.metric == metric)
        .map_or_else(|| Cell::No(NO_TICKET_CLOCK), |row| row.cells[tool as usize])
}

/// What selects a touchpoint of `channel` in `tool` when `[export]` names no group or queue.
pub(crate) fn channel(tool: Tool, channel: Channel) -> Cell {
    CHANNELS
        .iter()
        .find(|row| row.channel == channel)
        .map_or(Cell::No(SET_GROUP), |row| row.cells[tool as usize])
}

#[cfg(test)]
/// The word for a channel cell's value in `tool`, for the table's header.
fn channel_header(tool: Tool) -> &'static str {
    match tool {
        Tool::Zendesk => "Zendesk `via_id`",
        Tool::Freshdesk => "Freshdesk `source`",
        Tool::Genesys => "Genesys media type",
        Tool::Servicenow => "ServiceNow `contact_type`",
    }
}

#[cfg(test)]
fn cell_text(cell: Cell) -> String {
    match cell {
        Cell::Num(n) => format!("`{n}`"),
        Cell::Words([MEDIA]) => "`serviceLevel` of the touchpoint's media type".into(),
        Cell::Words(words) => words
            .iter()
            .map(|w| format!("`{w}`"))
            .collect::<Vec<_>>()
            .join(", "),
        Cell::No(reason) => format!("— ({reason})"),
    }
}

#[cfg(test)]
/// The two mapping tables of docs/export.md, as Markdown.
pub(crate) fn markdown() -> String {
    let mut out = String::new();
    out.push_str(
        "| sok metric | Zendesk `metric` | Freshdesk | Genesys Cloud | ServiceNow `target` |\n",
    );
    out.push_str("| --- | --- | --- | --- | --- |\n");
    for m in BUILTIN {
        let cells: Vec<String> = Tool::ALL
            .iter()
            .map(|&tool| match m.kind {
                MetricKind::Duration => cell_text(metric(tool, m.name)),
                _ => cell_text(Cell::No(
                    "one figure per period: the tool sets deadlines per ticket or interaction",
                )),
            })
            .collect();
        out.push_str(&format!("| `{}` | {} |\n", m.name, cells.join(" | ")));
    }
    out.push_str(&format!(
        "| a custom metric | {} |\n\n",
        vec![cell_text(Cell::No(NO_TICKET_CLOCK)); 4].join(" | ")
    ));
    let headers: Vec<&str> = Tool::ALL.iter().map(|&t| channel_header(t)).collect();
    out.push_str(&format!("| sok channel | {} |\n", headers.join(" | ")));
    out.push_str("| --- | --- | --- | --- | --- |\n");
    for row in CHANNELS {
        let cells: Vec<String> = row.cells.iter().map(|&c| cell_text(c)).collect();
        out.push_str(&format!(
            "| `{}` | {} |\n",
            row.channel.keyword(),
            cells.join(" | ")
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const START: &str = "<!-- mapping:start -->\n";
    const END: &str = "<!-- mapping:end -->";

    /// docs/export.md holds `markdown()` between its markers; `UPDATE_DOCS=1` rewrites it.
    #[test]
    fn docs_export_md_has_the_mapping_tables() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/export.md");
        let text = std::fs::read_to_string(&path).expect("docs/export.md exists");
        let (before, rest) = text.split_once(START).expect("the start marker");
        let (written, after) = rest.split_once(END).expect("the end marker");
        let generated = markdown();
        if std::env::var_os("UPDATE_DOCS").is_some_and(|v| v == "1") {
            std::fs::write(&path, format!("{before}{START}{generated}{END}{after}")).unwrap();
            return;
        }
        assert!(
            written == generated,
            "docs/export.md's tables are out of date: run `UPDATE_DOCS=1 cargo test --lib export::`"
        );
    }

    #[test]
    fn every_channel_and_duration_metric_has_a_row() {
        for (_, channel) in Channel::KEYWORDS {
            assert!(
                CHANNELS.iter().any(|r| r.channel == *channel),
                "{channel:?}"
            );
        }
        for m in BUILTIN.iter().filter(|m| m.kind == MetricKind::Duration) {
            assert!(METRICS.iter().any(|r| r.metric == m.name), "{}", m.name);
        }
    }
}
