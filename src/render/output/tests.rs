//! The commit under faults: at every step of it OUT holds a complete build (the old or the
//! new), a build killed at any step leaves debris that the next build removes, and an OUT
//! that cannot be renamed (a mount point) gets its contents replaced.

use std::cell::RefCell;
use std::path::Path;

use super::staging::Staging;
use crate::layout::OUTPUT_MARKER;

/// What OUT holds, by file name and content, without the marker.
fn contents(out: &Path) -> Vec<(String, String)> {
    let Ok(entries) = std::fs::read_dir(out) else {
        return Vec::new();
    };
    let mut files: Vec<(String, String)> = entries
        .flatten()
        .filter(|e| e.file_name() != OUTPUT_MARKER)
        .map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(e.path()).unwrap_or_else(|_| "<dir>".into());
            (name, text)
        })
        .collect();
    files.sort();
    files
}

fn build(out: &Path, pages: &[(&str, &str)]) -> Staging {
    let staging = Staging::new(out).unwrap();
    for (name, text) in pages {
        std::fs::write(staging.path().join(name), text).unwrap();
    }
    staging
}

const OLD: &[(&str, &str)] = &[("index.html", "old"), ("a.html", "old a")];
const NEW: &[(&str, &str)] = &[("index.html", "new"), ("b.html", "new b")];

fn owned(pages: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v: Vec<_> = pages
        .iter()
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .collect();
    v.sort();
    v
}

fn siblings(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn commit_replaces_the_old_build_and_leaves_nothing_beside_it() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    for pages in [OLD, NEW] {
        let staging = build(&out, pages);
        let name = staging
            .path()
            .file_name()
            .unwrap()
            .to_string_lossy()
            .to_string();
        // Hidden, so that discovery never reads a build that is being committed.
        assert!(name.starts_with(".site.tmp-"), "{name}");
        staging.commit().unwrap();
        assert_eq!(contents(&out), owned(pages));
    }
    assert_eq!(siblings(tmp.path()), ["site"]);
    assert!(out.join(OUTPUT_MARKER).is_file());
}

/// Before, the old OUT was renamed away and the new one renamed in: between the two, OUT did
/// not exist. Now every step of the commit leaves a complete build at OUT.
#[test]
fn at_every_step_of_the_commit_out_is_the_whole_old_or_the_whole_new_build() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&out, OLD).commit().unwrap();
    let seen = RefCell::new(Vec::new());
    let probe = |step: &str| {
        seen.borrow_mut().push((step.to_string(), contents(&out)));
        Ok(())
    };
    build(&out, NEW).commit_probed(&probe).unwrap();
    let seen = seen.into_inner();
    assert!(!seen.is_empty());
    for (step, now) in &seen {
        assert!(
            *now == owned(OLD) || *now == owned(NEW),
            "after `{step}` OUT held {now:?}"
        );
    }
    #[cfg(target_os = "linux")]
    assert_eq!(
        seen[0].0, "exchanged",
        "the two directories are exchanged in one step"
    );
}

/// A build killed at any step of its commit: OUT still holds a complete build, and the next
/// build removes whatever the killed one left beside or inside OUT.
#[test]
fn a_build_killed_during_its_commit_loses_nothing_and_its_debris_is_removed() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&out, OLD).commit().unwrap();
    let kill = |_: &str| Err(std::io::Error::other("killed"));
    assert!(build(&out, NEW).commit_probed(&kill).is_err());
    let now = contents(&out);
    assert!(now == owned(OLD) || now == owned(NEW), "{now:?}");
    // Debris of builds killed before their commit (a process that died holds no lock).
    std::fs::create_dir(tmp.path().join(".site.tmp-dead1")).unwrap();
    std::fs::create_dir(tmp.path().join(".site.old-4242")).unwrap();
    std::fs::create_dir(out.join(".sok-staging-dead")).unwrap();
    std::fs::write(tmp.path().join(".other.tmp-keep"), "not ours").unwrap();
    build(&out, NEW).commit().unwrap();
    assert_eq!(siblings(tmp.path()), [".other.tmp-keep", "site"]);
    assert_eq!(contents(&out), owned(NEW));
}

/// A mount point cannot be renamed (`EBUSY`): its entries are replaced instead, and nothing
/// of the old build is left.
#[test]
fn an_out_that_cannot_be_renamed_gets_its_contents_replaced() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    build(&out, OLD).commit().unwrap();
    let seen = RefCell::new(Vec::new());
    let probe = |step: &str| {
        seen.borrow_mut().push(step.to_string());
        Ok(())
    };
    build(&out, NEW)
        .pretend_mounted()
        .commit_probed(&probe)
        .unwrap();
    assert_eq!(seen.into_inner(), ["contents-away", "contents-in"]);
    assert_eq!(contents(&out), owned(NEW));
    assert_eq!(siblings(tmp.path()), ["site"]);
}
