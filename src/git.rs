//! Git: read the files of a revision without touching the working tree or the index.
//!
//! `sok diff main HEAD` and `sok lint --changed-since REV` both need a handbook as it was at
//! some commit. Checking that commit out would disturb the user's work, so sok asks git for
//! the tree (`ls-tree`) and streams the blobs through one `cat-file --batch` process. Only
//! `std::process::Command` is used: no git library, so the behaviour is exactly the user's
//! git (their config, their refs, their `safe.directory`).
//!
//! Paths given to and returned by this module are relative, with `/` separators. Symbolic
//! links and submodules in a tree are left out: a handbook is plain files.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::Error;

/// The files of one folder of one revision.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Tree {
    /// The full commit id the tree was read from.
    pub commit: String,
    /// Every file under the folder, relative to it, sorted.
    pub paths: Vec<String>,
    /// The contents of the files that were asked for, by relative path.
    pub files: BTreeMap<String, Vec<u8>>,
}

fn git(repo: &Path) -> Command {
    let mut command = Command::new("git");
    command
        .arg("-C")
        .arg(repo)
        // Never take `index.lock` for an opportunistic index refresh: sok only reads.
        .env("GIT_OPTIONAL_LOCKS", "0")
        .stdin(Stdio::null());
    command
}

/// Runs git and returns its stdout; a failure carries git's own message.
fn run(command: &mut Command) -> Result<Vec<u8>, Error> {
    let output = command.output().map_err(spawn_error)?;
    if output.status.success() {
        return Ok(output.stdout);
    }
    let stderr = String::from_utf8_lossy(&output.stderr);
    let first = stderr
        .lines()
        .map(|l| l.trim_start_matches("fatal: ").trim())
        .find(|l| !l.is_empty())
        .unwrap_or("git failed");
    Err(Error::new(format!("git: {first}")))
}

fn spawn_error(error: std::io::Error) -> Error {
    if error.kind() == std::io::ErrorKind::NotFound {
        Error::new("`git` was not found").with_help("install git, or compare two directories")
    } else {
        Error::new(format!("cannot run git: {error}"))
    }
}

fn text(bytes: Vec<u8>) -> String {
    String::from_utf8_lossy(&bytes).trim_end().to_string()
}

/// The root of the work tree that contains `dir`. git missing from PATH, and git refusing a
/// repository owned by another user, keep their own messages: both are not "no repository".
pub(crate) fn toplevel(dir: &Path) -> Result<PathBuf, Error> {
    match run(git(dir).args(["rev-parse", "--show-toplevel"])) {
        Ok(out) => Ok(PathBuf::from(text(out))),
        Err(error) if error.message.contains("dubious ownership") => Err(Error::new(format!(
            "git refuses the repository at `{}`: it belongs to another user (\"dubious ownership\")",
            dir.display()
        ))
        .with_help(format!(
            "if you trust it, run `git config --global --add safe.directory {}`",
            dir.display()
        ))),
        Err(error) if error.message.contains("not a git repository") => Err(Error::new(format!(
            "`{}` is not inside a git repository",
            dir.display()
        ))
        .with_help("compare two handbook directories, or run sok inside the repository")),
        Err(error) => Err(error),
    }
}

/// `dir` relative to the root of its work tree (`""` at the root), with `/` separators.
pub(crate) fn prefix(dir: &Path) -> Result<String, Error> {
    run(git(dir).args(["rev-parse", "--show-prefix"]))
        .map(|out| text(out).trim_end_matches('/').to_string())
}

/// The full id of the commit `rev` names (a branch, tag, `HEAD~2`, an abbreviated id).
pub(crate) fn resolve_commit(repo: &Path, rev: &str) -> Result<String, Error> {
    let spec = format!("{rev}^{{commit}}");
    run(git(repo).args([
        "rev-parse",
        "--verify",
        "--quiet",
        "--end-of-options",
        &spec,
    ]))
    .map(text)
    .ok()
    .filter(|id| !id.is_empty())
    .ok_or_else(|| {
        Error::new(format!("`{rev}` is neither a directory nor a git revision"))
            .with_help("name a handbook directory, or a branch, tag or commit of this repository")
    })
}

/// The best common ancestor of two commits (for `A...B`).
pub(crate) fn merge_base(repo: &Path, a: &str, b: &str) -> Result<String, Error> {
    run(git(repo).args(["merge-base", "--end-of-options", a, b]))
        .map(text)
        .map_err(|e| Error::new(format!("no common ancestor of `{a}` and `{b}` ({e})")))
}

/// Every file of `folder` at `rev`, with the contents of all of them.
#[cfg(test)]
fn read_tree(repo: &Path, rev: &str, folder: &str) -> Result<Tree, Error> {
    read_tree_filtered(repo, rev, folder, &|_| true)
}

/// Every file of `folder` at `rev`, with the contents of those `wanted` accepts (relative
/// paths), so large assets are listed but never read.
pub(crate) fn read_tree_filtered(
    repo: &Path,
    rev: &str,
    folder: &str,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<Tree, Error> {
    let commit = resolve_commit(repo, rev)?;
    let folder = folder.trim_matches('/');
    let mut command = git(repo);
    command.args(["ls-tree", "-r", "-z", "--full-tree", &commit]);
    if !folder.is_empty() {
        command.args(["--", folder]);
    }
    let listing = run(&mut command)?;
    let mut blobs: Vec<(String, String)> = Vec::new();
    for entry in listing.split(|b| *b == 0).filter(|e| !e.is_empty()) {
        let entry = String::from_utf8_lossy(entry);
        let Some((info, path)) = entry.split_once('\t') else {
            continue;
        };
        let mut info = info.split(' ');
        let (mode, kind, oid) = (info.next(), info.next(), info.next());
        let (Some(mode), Some("blob"), Some(oid)) = (mode, kind, oid) else {
            continue;
        };
        if mode == "120000" {
            continue;
        }
        let relative = if folder.is_empty() {
            Some(path)
        } else {
            path.strip_prefix(folder).and_then(|p| p.strip_prefix('/'))
        };
        if let Some(relative) = relative {
            blobs.push((relative.to_string(), oid.to_string()));
        }
    }
    blobs.sort();
    let wanted_blobs: Vec<&(String, String)> = blobs.iter().filter(|(p, _)| wanted(p)).collect();
    let contents = cat_blobs(repo, wanted_blobs.iter().map(|(_, oid)| oid.as_str()))?;
    Ok(Tree {
        commit,
        files: wanted_blobs
            .iter()
            .map(|(path, _)| path.clone())
            .zip(contents)
            .collect(),
        paths: blobs.into_iter().map(|(path, _)| path).collect(),
    })
}

/// Reads blobs by object id through one `git cat-file --batch`, one request at a time (git
/// answers each before reading the next, so neither pipe can fill up and block).
fn cat_blobs<'a>(repo: &Path, oids: impl Iterator<Item = &'a str>) -> Result<Vec<Vec<u8>>, Error> {
    let mut oids = oids.peekable();
    if oids.peek().is_none() {
        return Ok(Vec::new());
    }
    let mut child = git(repo)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(spawn_error)?;
    let result = (|| {
        let mut stdin = child
            .stdin
            .take()
            .ok_or_else(|| Error::new("no pipe to git"))?;
        let stdout = child
            .stdout
            .take()
            .ok_or_else(|| Error::new("no pipe from git"))?;
        let mut reader = BufReader::new(stdout);
        let broken = |e: std::io::Error| Error::new(format!("reading from git failed: {e}"));
        let mut out = Vec::new();
        for oid in oids {
            writeln!(stdin, "{oid}")
                .and_then(|_| stdin.flush())
                .map_err(broken)?;
            let mut header = String::new();
            reader.read_line(&mut header).map_err(broken)?;
            let size = header
                .split(' ')
                .nth(2)
                .and_then(|s| s.trim().parse::<usize>().ok())
                .ok_or_else(|| Error::new(format!("git cannot read object {oid}")))?;
            let mut blob = vec![0; size];
            reader.read_exact(&mut blob).map_err(broken)?;
            let mut newline = [0u8; 1];
            reader.read_exact(&mut newline).map_err(broken)?;
            out.push(blob);
        }
        Ok(out)
    })();
    // Closing stdin (dropped above) ends the batch; reap the process either way.
    let _ = child.kill();
    let _ = child.wait();
    result
}

/// Files under `folder` that differ between `rev` and the working tree (including new files
/// git does not ignore), relative to `folder`, sorted. For `sok lint --changed-since REV`.
pub(crate) fn changed_paths(repo: &Path, rev: &str, folder: &str) -> Result<Vec<String>, Error> {
    let commit = resolve_commit(repo, rev)?;
    let folder = folder.trim_matches('/');
    let spec = if folder.is_empty() { "." } else { folder };
    let changed = run(git(repo)
        .args(["diff", "--name-only", "-z", "--no-renames", &commit, "--"])
        .arg(format!(":(top){spec}")))?;
    let untracked = run(git(repo)
        .args([
            "ls-files",
            "-z",
            "--others",
            "--exclude-standard",
            "--full-name",
            "--",
        ])
        .arg(format!(":(top){spec}")))?;
    let mut paths: Vec<String> = changed
        .split(|b| *b == 0)
        .chain(untracked.split(|b| *b == 0))
        .filter(|p| !p.is_empty())
        .map(|p| String::from_utf8_lossy(p).into_owned())
        .filter_map(|p| match folder {
            "" => Some(p),
            _ => p
                .strip_prefix(folder)
                .and_then(|r| r.strip_prefix('/'))
                .map(str::to_string),
        })
        .collect();
    paths.sort();
    paths.dedup();
    Ok(paths)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A repository with two commits; returns the directory and the first commit's id.
    fn repo() -> (tempfile::TempDir, String) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let sh = |args: &[&str]| {
            let status = Command::new("git")
                .arg("-C")
                .arg(root)
                .args(["-c", "user.name=T", "-c", "user.email=t@example.com"])
                .args([
                    "-c",
                    "commit.gpgsign=false",
                    "-c",
                    "init.defaultBranch=main",
                ])
                .args(args)
                .env_remove("GIT_DIR")
                .env_remove("GIT_WORK_TREE")
                .env_remove("GIT_INDEX_FILE")
                .output()
                .unwrap();
            assert!(status.status.success(), "{status:?}");
        };
        sh(&["init", "-q"]);
        std::fs::create_dir_all(root.join("hb/standards")).unwrap();
        std::fs::write(root.join("hb/sok.toml"), "a").unwrap();
        std::fs::write(root.join("hb/standards/x.md"), "old").unwrap();
        std::fs::write(root.join("other.txt"), "x").unwrap();
        sh(&["add", "-A"]);
        sh(&["commit", "-q", "-m", "one"]);
        let first = text(run(git(root).args(["rev-parse", "HEAD"])).unwrap());
        std::fs::write(root.join("hb/standards/x.md"), "new").unwrap();
        sh(&["commit", "-q", "-am", "two"]);
        (dir, first)
    }

    #[test]
    fn reads_a_folder_of_an_old_revision() {
        let (dir, first) = repo();
        let tree = read_tree(dir.path(), &first, "hb").unwrap();
        assert_eq!(tree.paths, ["sok.toml", "standards/x.md"]);
        assert_eq!(tree.files["standards/x.md"], b"old");
        let head = read_tree(dir.path(), "HEAD", "/hb/").unwrap();
        assert_eq!(head.files["standards/x.md"], b"new");
        let root = read_tree_filtered(dir.path(), "HEAD", "", &|p| p.ends_with(".txt")).unwrap();
        assert_eq!(root.paths.len(), 3);
        assert_eq!(root.files.keys().collect::<Vec<_>>(), ["other.txt"]);
    }

    #[test]
    fn a_missing_git_and_a_refused_repository_keep_their_own_messages() {
        let tmp = tempfile::tempdir().unwrap();
        let error = toplevel(tmp.path()).unwrap_err();
        assert!(
            error.message.contains("is not inside a git repository"),
            "{}",
            error.message
        );
        // Without git on PATH.
        let error = run(git(tmp.path())
            .env("PATH", "")
            .args(["rev-parse", "--show-toplevel"]))
        .unwrap_err();
        assert!(
            error.message.contains("`git` was not found"),
            "{}",
            error.message
        );
    }

    /// git (2.35.2 and later) refuses a repository another user owns; as root, the test hands
    /// its repository to `nobody` to see that refusal.
    #[test]
    fn a_repository_of_another_user_is_named_as_such() {
        let (tmp, _) = repo();
        let handed = Command::new("chown")
            .args(["-R", "65534:65534"])
            .arg(tmp.path())
            .status();
        if !handed.is_ok_and(|s| s.success()) {
            return; // not root: nobody else's repository can be made here
        }
        let error = toplevel(tmp.path()).unwrap_err();
        assert!(
            error.message.contains("dubious ownership"),
            "{}",
            error.message
        );
        let help = error.help.as_deref().unwrap_or("");
        assert!(help.contains("safe.directory"), "{help}");
    }

    #[test]
    fn unknown_revisions_and_folders() {
        let (dir, _) = repo();
        let error = read_tree(dir.path(), "no-such-branch", "").unwrap_err();
        assert!(error.message.contains("no-such-branch"), "{error}");
        assert!(resolve_commit(dir.path(), "--help").is_err());
        assert!(
            read_tree(dir.path(), "HEAD", "nowhere")
                .unwrap()
                .paths
                .is_empty()
        );
        let outside = tempfile::tempdir().unwrap();
        assert!(toplevel(outside.path()).is_err());
    }

    #[test]
    fn changed_paths_since_a_revision() {
        let (dir, first) = repo();
        std::fs::write(dir.path().join("hb/new.toml"), "n").unwrap();
        let changed = changed_paths(dir.path(), &first, "hb").unwrap();
        assert_eq!(changed, ["new.toml", "standards/x.md"]);
        assert_eq!(prefix(&dir.path().join("hb")).unwrap(), "hb");
    }
}
