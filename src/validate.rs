//! Validate: the semantic rules that hold across fields once references resolve: stages,
//! escalation ladders, links and images, and the touchpoints named in `[export]`.

use std::collections::HashSet;

use crate::diagnostics::{Diagnostic, Diagnostics, codes, did_you_mean};
use crate::links::{self, LinkTarget};
use crate::model::{Handbook, Kind};
use crate::source::Sources;
use crate::texts::text_fields;

pub(crate) fn validate(hb: &Handbook, sources: &Sources, diags: &mut Diagnostics) {
    check_stages(hb, diags);
    check_escalations(hb, diags);
    check_links(hb, sources, diags);
    check_export_touchpoints(hb, diags);
}

/// Every key of an `[export]` table names a touchpoint.
fn check_export_touchpoints(hb: &Handbook, diags: &mut Diagnostics) {
    let Some(settings) = &hb.settings else {
        return;
    };
    let ids: std::collections::BTreeSet<&str> = hb
        .touchpoints
        .iter()
        .map(|t| t.meta.id.value.as_str())
        .collect();
    for (table, entries) in settings.export.tables() {
        for entry in entries {
            let id = entry.touchpoint.value.as_str();
            if ids.contains(id)
                || hb
                    .unloaded
                    .iter()
                    .any(|(k, u)| *k == Kind::Touchpoint && u == id)
            {
                continue;
            }
            diags.push(
                Diagnostic::error(
                    &codes::EXPORT_UNKNOWN_TOUCHPOINT,
                    entry.touchpoint.span,
                    format!("`[export.{table}]` names touchpoint `{id}`, which does not exist"),
                )
                .label("no touchpoint with this id")
                .help(
                    did_you_mean(id, ids.iter().copied()).unwrap_or_else(|| {
                        "use a touchpoint's id, or remove the entry".to_string()
                    }),
                ),
            );
        }
    }
}

fn check_stages(hb: &Handbook, diags: &mut Diagnostics) {
    let handbook_stages = hb.handbook_stages();
    for journey in &hb.journeys {
        if let Some(own) = &journey.stages {
            let mut last: Option<(usize, &str)> = None;
            for stage in own {
                match handbook_stages.iter().position(|s| *s == stage.value) {
                    None => diags.push(
                        Diagnostic::error(
                            &codes::JOURNEY_UNKNOWN_STAGE,
                            stage.span,
                            format!(
                                "stage `{}` is not in the handbook's stage list",
                                stage.value
                            ),
                        )
                        .label("unknown stage")
                        .help(
                            did_you_mean(&stage.value, handbook_stages.iter().copied())
                                .unwrap_or_else(|| {
                                    format!("the stages are: {}", handbook_stages.join(", "))
                                }),
                        ),
                    ),
                    Some(position) => {
                        if let Some((before, name)) = last {
                            if position <= before {
                                diags.push(
                                    Diagnostic::error(
                                        &codes::JOURNEY_STAGE_ORDER,
                                        stage.span,
                                        format!(
                                            "stage `{}` comes before `{name}` in the handbook",
                                            stage.value
                                        ),
                                    )
                                    .label("out of order")
                                    .help(format!(
                                        "list the stages in this order: {}",
                                        handbook_stages.join(", ")
                                    )),
                                );
                            }
                        }
                        last = Some((position, &stage.value));
                    }
                }
            }
        }
        let stages = hb.stages_of(journey);
        for step in &journey.steps {
            if !step.stage.value.is_empty() && !stages.contains(&step.stage.value.as_str()) {
                let help =
                    did_you_mean(&step.stage.value, stages.iter().copied()).unwrap_or_else(|| {
                        format!("the stages of this journey are: {}", stages.join(", "))
                    });
                diags.push(
                    Diagnostic::error(
                        &codes::JOURNEY_UNKNOWN_STAGE,
                        step.stage.span,
                        format!(
                            "stage `{}` is not a stage of journey `{}`",
                            step.stage.value, journey.meta.id.value
                        ),
                    )
                    .label("unknown stage")
                    .help(help),
                );
            }
        }
    }
}

fn check_escalations(hb: &Handbook, diags: &mut Diagnostics) {
    for situation in &hb.situations {
        for pair in situation.escalation.windows(2) {
            let (before, after) = (&pair[0].after, &pair[1].after);
            if after.value.nominal_seconds() <= before.value.nominal_seconds() {
                diags.push(
                    Diagnostic::error(
                        &codes::SITUATION_ESCALATION_ORDER,
                        after.span,
                        format!(
                            "escalation after {} does not come later than the step before ({})",
                            after.value, before.value
                        ),
                    )
                    .label("not later than the previous step")
                    .related(before.span, "previous step")
                    .help("order the escalation steps by `after`, each later than the one before"),
                );
            }
        }
    }
}

fn check_links(hb: &Handbook, sources: &Sources, diags: &mut Diagnostics) {
    let known: HashSet<&str> = sources
        .iter()
        .map(|(_, f)| f.path.as_str())
        .chain(hb.assets.iter().map(String::as_str))
        .collect();
    for field in text_fields(hb) {
        let text = field.text;
        if !text.value.contains(['[', '<', ':']) {
            continue;
        }
        let from = &sources.get(text.span.file).path;
        for link in links::links_in(&text.value) {
            let span = text.span_of(link.range.clone());
            let what = if link.is_image { "image" } else { "link" };
            match links::classify(from, &link.url) {
                LinkTarget::OutsideRoot => diags.push(
                    Diagnostic::error(
                        &codes::LINK_OUTSIDE_ROOT,
                        span,
                        format!("{what} `{}` points outside the handbook", link.url),
                    )
                    .label("leaves the handbook root")
                    .help("copy the file into `assets/` and link to it there"),
                ),
                LinkTarget::File { path, .. } if !known.contains(path.as_str()) && !path.is_empty() => diags.push(
                    Diagnostic::error(&codes::LINK_MISSING, span, format!("{what} `{}` points at a missing file", link.url))
                        .label(format!("`{path}` does not exist"))
                        .help(if link.url.starts_with('/') {
                            "a path starting with `/` is relative to the handbook root; fix the path or add the file under `assets/`"
                        } else {
                            "paths are relative to this file; fix the path or add the file under `assets/`"
                        }),
                ),
                _ => {}
            }
        }
    }
}
