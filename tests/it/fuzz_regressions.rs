//! What the fuzz targets (`fuzz/`, docs/fuzzing.md) found, replayed on every `cargo test`:
//! each file under `tests/fixtures/fuzz/<target>/` is an input that once crashed, hung or
//! blew up `<target>`, and goes through the target's own body (`fuzz/drivers.rs`). The seed
//! corpus (`fuzz/seeds/<target>/`) goes through too, so a target that rejects its own seeds
//! is caught without running cargo-fuzz.

use std::path::Path;

use crate::common::{fixture, manifest_dir};

#[path = "../../fuzz/drivers.rs"]
mod drivers;

/// Every file of `dir` (none when it does not exist), sorted.
fn inputs(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .map(|entry| entry.expect("readable").path())
        .filter(|path| path.is_file())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).expect("read"))
        })
        .collect();
    files.sort();
    files
}

/// Runs `target` on its regressions and its seeds, naming the file that fails.
fn replay(name: &str, target: fn(&[u8])) {
    let dirs = [
        fixture(&format!("fuzz/{name}")),
        manifest_dir().join("fuzz/seeds").join(name),
    ];
    let mut seen = 0;
    for dir in dirs {
        for (file, bytes) in inputs(&dir) {
            let outcome = std::panic::catch_unwind(|| target(&bytes));
            assert!(
                outcome.is_ok(),
                "{name}: `{}` fails",
                dir.join(file).display()
            );
            seen += 1;
        }
    }
    assert!(seen > 0, "{name}: no seeds in fuzz/seeds/{name}");
}

#[test]
fn load_check() {
    replay("load_check", drivers::load_check);
}

#[test]
fn render() {
    replay("render", drivers::render);
}

#[test]
fn values() {
    replay("values", drivers::values);
}

#[test]
fn events() {
    replay("events", drivers::events);
}

#[test]
fn diff() {
    replay("diff", drivers::diff);
}
