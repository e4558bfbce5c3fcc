//! Git for pull requests: which handbook files changed since a revision (`--changed-since`),
//! and where the handbook sits in its repository (for SARIF and GitHub paths).

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// Files under `root` changed since `revision` (committed, staged or not) and untracked
/// files, relative to `root` with `/` separators. The error is git's own message.
pub fn changed_since(root: &Path, revision: &str) -> Result<BTreeSet<String>, String> {
    let diff = git(
        root,
        &["diff", "--name-only", "-z", "--relative", revision, "--"],
    )?;
    let untracked = git(root, &["ls-files", "--others", "--exclude-standard", "-z"])?;
    Ok(diff
        .split('\0')
        .chain(untracked.split('\0'))
        .filter(|p| !p.is_empty())
        .map(|p| p.replace('\\', "/"))
        .collect())
}

/// The handbook root relative to its git repository's top (`"examples/shop/"`), or `""`
/// when `root` is the top or not inside a repository.
pub fn repository_prefix(root: &Path) -> String {
    git(root, &["rev-parse", "--show-prefix"])
        .map(|p| p.trim().to_string())
        .unwrap_or_default()
}

fn git(dir: &Path, args: &[&str]) -> Result<String, String> {
    let output = Command::new("git")
        .arg("-C")
        .arg(dir)
        .args(["-c", "core.quotePath=false"])
        .args(args)
        .output()
        .map_err(|e| format!("cannot run git: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
        Err(if message.is_empty() {
            format!("git {} failed", args.join(" "))
        } else {
            message
        })
    }
}
