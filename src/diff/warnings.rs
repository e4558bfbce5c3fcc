//! Version rules: an edition's `[handbook].version` should say how much it changed.
//!
//! Staff and auditors read the version to know whether they must re-read the handbook, so:
//! any change of content needs a new version; a change that asks less of staff or drops
//! something (`loosened`, `removed`) needs at least a minor bump, never only a patch; and a
//! version never goes down. A new edition also needs its own `effective` date, or the change
//! notice would announce a date that has passed. These are warnings: they never change the
//! exit code.

use super::{Class, HandbookDiff, Warning};
use crate::values::Version;

fn core(v: &Version) -> (u64, u64, u64) {
    (v.major, v.minor, v.patch)
}

pub(super) fn check(diff: &HandbookDiff) -> Vec<Warning> {
    let mut out = version(diff);
    if let (Some(old), Some(new)) = (diff.old.effective, diff.new.effective) {
        if old == new && !diff.is_empty() {
            out.push(Warning {
                code: "effective-unchanged",
                message: format!(
                    "the content changed but the edition still takes effect on {new}; \
                     give the new edition its own effective date"
                ),
            });
        }
    }
    out
}

fn version(diff: &HandbookDiff) -> Vec<Warning> {
    let (Some(old), Some(new)) = (&diff.old.version, &diff.new.version) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if core(new) < core(old) {
        out.push(Warning {
            code: "version-decreased",
            message: format!("the version went down from {old} to {new}"),
        });
    } else if old == new && !diff.is_empty() {
        out.push(Warning {
            code: "version-unchanged",
            message: format!("the content changed but the version is still {new}"),
        });
    } else if old != new
        && (old.major, old.minor) == (new.major, new.minor)
        && diff.classes().iter().any(|c| c.needs_attention())
    {
        let what: Vec<&str> = [Class::Loosened, Class::Removed]
            .into_iter()
            .filter(|c| diff.classes().contains(c))
            .map(Class::name)
            .collect();
        out.push(Warning {
            code: "patch-bump",
            message: format!(
                "{} changes come with only a patch-level version bump ({old} → {new}); \
                 bump at least the minor version",
                what.join(" and ")
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diff::{Edition, EntityChange};
    use crate::model::Kind;

    fn diff(old: &str, new: &str, class: Option<Class>) -> HandbookDiff {
        let edition = |v: &str| Edition {
            version: Version::parse(v),
            ..Edition::default()
        };
        HandbookDiff {
            old: edition(old),
            new: edition(new),
            handbook: vec![],
            entities: class
                .into_iter()
                .map(|class| EntityChange {
                    kind: Kind::Standard,
                    id: "a".into(),
                    class,
                    name: "A".into(),
                    owner: None,
                    fields: vec![],
                    steps: vec![],
                })
                .collect(),
            warnings: vec![],
        }
    }

    fn codes(d: HandbookDiff) -> Vec<&'static str> {
        check(&d).into_iter().map(|w| w.code).collect()
    }

    #[test]
    fn version_rules() {
        assert!(codes(diff("1.0.0", "1.0.0", None)).is_empty());
        assert_eq!(
            codes(diff("1.0.0", "1.0.0", Some(Class::Changed))),
            ["version-unchanged"]
        );
        assert!(codes(diff("1.0.0", "1.0.1", Some(Class::Tightened))).is_empty());
        assert_eq!(
            codes(diff("1.0.0", "1.0.1", Some(Class::Loosened))),
            ["patch-bump"]
        );
        assert_eq!(
            codes(diff("1.0.0", "1.0.1", Some(Class::Removed))),
            ["patch-bump"]
        );
        assert!(codes(diff("1.0.0", "1.1.0", Some(Class::Removed))).is_empty());
        assert_eq!(
            codes(diff("2.0.0", "1.9.0", Some(Class::Added))),
            ["version-decreased"]
        );
    }

    #[test]
    fn a_new_edition_needs_a_new_effective_date() {
        let dated = |old: &str, new: &str, class| {
            let mut d = diff("1.0.0", "1.1.0", class);
            d.old.effective = crate::values::Date::parse(old);
            d.new.effective = crate::values::Date::parse(new);
            codes(d)
        };
        assert_eq!(
            dated("2026-03-01", "2026-03-01", Some(Class::Changed)),
            ["effective-unchanged"]
        );
        assert!(dated("2026-03-01", "2026-09-01", Some(Class::Changed)).is_empty());
        assert!(dated("2026-03-01", "2026-03-01", None).is_empty());
    }
}
