//! Roles: what one owner (or one team) applies in daily work, computed once from the model.
//!
//! An owner page, a role's own handbook (`sok build --role`/`--team`), its pocket card and
//! the scorecards of `sok audit --role` all start from the same [`Applies`], so the three
//! can never list different standards for the same person. Docs: docs/roles.md.

mod applies;
mod subset;

pub(crate) use applies::{Applies, Relations, StepPos, applies_all};
pub(crate) use subset::{Scope, subset};
