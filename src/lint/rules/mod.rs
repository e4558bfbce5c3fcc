//! One file per lint rule, named after the rule (`long-sentence` → `long_sentence.rs`).
//!
//! Each file holds the rule's static [`super::Rule`] with its documentation and its `check`
//! function; `super::RULES` lists them all.

pub(crate) mod business_hours_without_schedule;
pub(crate) mod fractional_percent;
pub(crate) mod fractional_share;
pub(crate) mod indented_code_block;
pub(crate) mod long_sentence;
pub(crate) mod missing_review_cycle;
pub(crate) mod never_say_used;
pub(crate) mod no_tolerance;
pub(crate) mod principles_count;
pub(crate) mod review_overdue;
pub(crate) mod situation_without_deadline;
pub(crate) mod situation_without_escalation;
pub(crate) mod social_without_situation;
pub(crate) mod stage_not_covered;
pub(crate) mod touchpoint_without_standard;
pub(crate) mod unmeasurable_standard;
pub(crate) mod unused_allow;
pub(crate) mod unused_owner;
pub(crate) mod vague_wording;
