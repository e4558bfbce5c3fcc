//! sok under faults of its surroundings, as the process meets them: the system out of file
//! descriptors, a working directory deleted under the shell, an OUT that goes through a
//! symbolic link loop, a thread limit that stops the pool, two builds into one OUT at once.
//! Each ends with its documented exit code and one message that names the cause.

use std::path::Path;
use std::process::{Command, Output};

use assert_cmd::prelude::*;

use crate::common::example;

fn sok_bin() -> std::path::PathBuf {
    Command::cargo_bin("sok")
        .expect("the sok binary")
        .get_program()
        .into()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Runs `script` with `sh`, `$SOK` naming the binary.
fn shell(script: &str, dir: &Path) -> Output {
    Command::new("sh")
        .args(["-c", script])
        .env("SOK", sok_bin())
        .current_dir(dir)
        .output()
        .expect("sh runs")
}

/// Before: one `cannot read file: uncategorized error` per source file (206 lines for the
/// Polish example). Now: one I/O error, exit 2.
#[test]
fn running_out_of_file_descriptors_is_one_io_error() {
    let dir = example("sklep-kwiatek");
    let out = shell(
        &format!(
            "ulimit -n 4 && exec \"$SOK\" --color never check '{}'",
            dir.display()
        ),
        Path::new("."),
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("Too many open files"), "{err}");
    assert!(err.contains("ulimit -n"), "{err}");
    assert!(err.lines().count() <= 3, "{err}");
}

#[test]
fn a_deleted_working_directory_is_named_as_such() {
    let tmp = tempfile::tempdir().unwrap();
    let gone = tmp.path().join("gone");
    std::fs::create_dir(&gone).unwrap();
    let dir = example("avtosalon");
    let out = shell(
        &format!(
            "cd '{}' && rmdir '{}' && exec \"$SOK\" diff '{}' '{}'",
            gone.display(),
            gone.display(),
            dir.display(),
            dir.display()
        ),
        tmp.path(),
    );
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("cannot find the current directory"), "{err}");
    assert!(err.contains("deleted or moved"), "{err}");
}

/// Before: "File exists (os error 17)" with no path.
#[test]
fn an_out_through_a_symlink_loop_is_refused_with_the_link() {
    let tmp = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("b", tmp.path().join("a")).unwrap();
    std::os::unix::fs::symlink("a", tmp.path().join("b")).unwrap();
    let out = Command::cargo_bin("sok")
        .unwrap()
        .args(["--color", "never", "build"])
        .arg(example("avtosalon"))
        .arg("--out")
        .arg(tmp.path().join("a/site"))
        .output()
        .unwrap();
    let err = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(
        err.contains("a symbolic link that points back to itself"),
        "{err}"
    );
}

/// A process limit that lets no thread start (`RLIMIT_NPROC` of an unprivileged user): the
/// work runs on the main thread. Before, rayon's pool failed once and every later use of it
/// panicked ("The global thread pool has not been initialized"). Root ignores the limit, so
/// the test runs sok as `nobody`; without root it cannot set that up and says so under CI.
#[test]
fn a_thread_limit_falls_back_to_the_main_thread() {
    let dir = example("sklep-kwiatek");
    let root = Command::new("id")
        .arg("-u")
        .output()
        .map(|o| text(&o.stdout));
    if root.map(|u| u.trim() == "0").ok() != Some(true) {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI runs as root so that this test can run"
        );
        return;
    }
    let out = Command::new("setpriv")
        .args([
            "--reuid=65534",
            "--regid=65534",
            "--clear-groups",
            "prlimit",
            "--nproc=1",
        ])
        .arg(sok_bin())
        .args(["--color", "never", "check"])
        .arg(&dir)
        .output()
        .expect("setpriv and prlimit (util-linux)");
    let err = text(&out.stderr);
    assert!(!err.contains("internal error"), "{err}");
    assert_eq!(out.status.code(), Some(0), "{err}");
    assert_eq!(text(&out.stdout), "no problems found\n");
}

/// Two builds into one OUT at once: they take turns, and OUT ends as one complete build.
#[test]
fn concurrent_builds_into_one_out_take_turns() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("site");
    let dir = example("avtosalon");
    let spawn = || {
        Command::cargo_bin("sok")
            .unwrap()
            .args(["--color", "never", "build"])
            .arg(&dir)
            .arg("--out")
            .arg(&out)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let builds: Vec<_> = (0..3).map(|_| spawn()).collect();
    for build in builds {
        let done = build.wait_with_output().unwrap();
        assert!(done.status.success(), "{}", text(&done.stderr));
    }
    assert!(out.join("html/index.html").is_file());
    let mut beside: Vec<String> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    beside.sort();
    assert_eq!(beside, ["site"], "no staging or old folder is left");
}
