//! `sok serve`: the binary on a free port (`--port 0`, the URL read from its first lines),
//! spoken to over plain TCP with hand-written HTTP/1.1. Pages over HTTP, a rebuild after an
//! edit and its `reload` event on the event stream, the overlay while a source is broken
//! (with the last good pages still served) and gone once it is fixed. Every wait is bounded,
//! and the server is killed when a test ends, also when it fails.
//!
//! `serve::latency` (ignored) is the measuring harness of docs/serve.md: a 1,000-standard
//! handbook, ten one-file edits, the time from the write to the `reload` event.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use crate::common;

/// How long any one wait may take before the test fails.
const TIMEOUT: Duration = Duration::from_secs(20);

/// A running `sok serve`, killed on drop.
struct Served {
    child: Child,
    port: u16,
    /// The lines printed before the URL: the first build's outcome.
    first: Vec<String>,
    lines: Receiver<String>,
    /// The lines [`Served::line_with`] passed over.
    skipped: Vec<String>,
    stderr: Arc<Mutex<String>>,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Served {
    fn start(dir: &Path) -> Served {
        Served::start_with(assert_cmd::cargo::cargo_bin!("sok"), dir)
    }

    fn start_with(bin: &Path, dir: &Path) -> Served {
        let mut child = Command::new(bin)
            .args(["serve", "--port", "0", "--color", "never"])
            .arg(dir)
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("start sok serve");
        let (tx, lines) = mpsc::channel();
        let stdout = child.stdout.take().expect("stdout");
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        let stderr = Arc::new(Mutex::new(String::new()));
        let mut pipe = child.stderr.take().expect("stderr");
        let sink = Arc::clone(&stderr);
        std::thread::spawn(move || {
            let mut buffer = [0; 4096];
            while let Ok(n) = pipe.read(&mut buffer) {
                if n == 0 {
                    break;
                }
                sink.lock()
                    .unwrap()
                    .push_str(&String::from_utf8_lossy(&buffer[..n]));
            }
        });
        let mut served = Served {
            child,
            port: 0,
            first: Vec::new(),
            lines,
            skipped: Vec::new(),
            stderr,
        };
        let line = served.line_with("serving http://");
        served.first = std::mem::take(&mut served.skipped);
        let url = line
            .split_whitespace()
            .find(|word| word.starts_with("http://"))
            .unwrap();
        served.port = url
            .trim_start_matches("http://127.0.0.1:")
            .trim_end_matches('/')
            .parse()
            .unwrap_or_else(|_| panic!("no port in {line:?}"));
        served
    }

    /// The next line of stdout that contains `text`.
    fn line_with(&mut self, text: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) if line.contains(text) => return line,
                Ok(line) => self.skipped.push(line),
                Err(_) => panic!(
                    "no line with {text:?} from sok serve; stderr:\n{}",
                    self.stderr.lock().unwrap()
                ),
            }
        }
    }

    fn get(&self, path: &str) -> Response {
        request(self.port, "GET", path)
    }

    /// The event stream of the page at `path`, as the live script opens it.
    fn events(&self, path: &str) -> Events {
        Events::open(self.port, path)
    }
}

struct Response {
    status: u16,
    head: String,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.head.lines().find_map(|line| {
            let (key, value) = line.split_once(':')?;
            key.eq_ignore_ascii_case(name).then(|| value.trim())
        })
    }
}

/// One request on a new connection (`Connection: close`), read to its end.
fn request(port: u16, method: &str, path: &str) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream.set_read_timeout(Some(TIMEOUT)).unwrap();
    stream.set_write_timeout(Some(TIMEOUT)).unwrap();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut bytes = Vec::new();
    stream.read_to_end(&mut bytes).expect("a whole response");
    let text = String::from_utf8(bytes).expect("UTF-8");
    let (head, body) = text.split_once("\r\n\r\n").expect("a head and a body");
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let response = Response {
        status,
        head: head.to_string(),
        body: body.to_string(),
    };
    if let Some(length) = response.header("Content-Length") {
        if method != "HEAD" {
            assert_eq!(length.parse::<usize>().unwrap(), body.len(), "{path}");
        }
    }
    response
}

/// An open event stream.
struct Events {
    reader: BufReader<TcpStream>,
}

impl Events {
    fn open(port: u16, page: &str) -> Events {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
        stream.set_read_timeout(Some(TIMEOUT)).unwrap();
        write!(
            stream,
            "GET /__sok/events?page={} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nAccept: text/event-stream\r\n\r\n",
            page.replace('/', "%2F")
        )
        .unwrap();
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).expect("the stream's head");
            if line == "\r\n" || line.is_empty() {
                break;
            }
            head.push_str(&line);
        }
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        assert!(head.contains("text/event-stream"), "{head}");
        Events { reader }
    }

    /// The next event as `(name, data)`, skipping comments; fails after [`TIMEOUT`].
    fn next(&mut self) -> (String, String) {
        let (mut name, mut data) = (String::new(), String::new());
        loop {
            let mut line = String::new();
            match self.reader.read_line(&mut line) {
                Ok(0) => panic!("the event stream ended"),
                Ok(_) => {}
                Err(e) => panic!("no event in {TIMEOUT:?}: {e}"),
            }
            let line = line.trim_end_matches(['\r', '\n']);
            if line.is_empty() {
                if !name.is_empty() {
                    return (name, data);
                }
            } else if let Some(value) = line.strip_prefix("event: ") {
                name = value.to_string();
            } else if let Some(value) = line.strip_prefix("data: ") {
                data = value.to_string();
            }
        }
    }

    /// Fails if anything but a comment arrives within `wait`.
    fn quiet(&mut self, wait: Duration) {
        self.reader.get_ref().set_read_timeout(Some(wait)).unwrap();
        let mut line = String::new();
        let read = self.reader.read_line(&mut line);
        assert!(
            read.is_err() || line.starts_with(':'),
            "expected no event, got {line:?}"
        );
        self.reader
            .get_ref()
            .set_read_timeout(Some(TIMEOUT))
            .unwrap();
    }

    /// The version of the page in the `hello` event, which comes first.
    fn hello(&mut self) -> String {
        let (name, data) = self.next();
        assert_eq!(name, "hello");
        data
    }

    /// The page's new version in the next `reload` event.
    fn reload(&mut self) -> String {
        loop {
            let (name, data) = self.next();
            if name == "reload" {
                return data;
            }
        }
    }
}

/// A copy of `tests/fixtures/build/small` (Slovenian) in a temporary directory.
fn small() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().join("hb");
    common::copy_dir(&common::fixture("build/small"), &root);
    (tmp, root)
}

const STANDARD: &str = "standards/odziv-telefon.md";
const PAGE: &str = "/standards/odziv-telefon.html";
const TITLE: &str = "Telefon dvignemo v 2 minutah";

#[test]
fn pages_over_http_and_a_reload_after_an_edit() {
    let (_tmp, root) = small();
    let mut served = Served::start(&root);
    assert!(served.first[0].starts_with("built "), "{:?}", served.first);

    let home = served.get("/");
    assert_eq!(home.status, 200);
    assert_eq!(
        home.header("Content-Type"),
        Some("text/html; charset=utf-8")
    );
    assert_eq!(home.header("Cache-Control"), Some("no-store"));
    assert!(home.body.contains("<html lang=\"sl\">"), "{}", home.body);
    assert!(
        home.body
            .contains("<script src=\"/__sok/live.js\" data-version=\""),
        "{}",
        home.body
    );
    assert!(
        home.body.ends_with("></script>\n</body>\n</html>\n"),
        "{}",
        home.body
    );
    assert!(!home.body.contains("sok-overlay"));

    let mut events = served.events(PAGE);
    let before = events.hello();
    assert!(
        served
            .get(PAGE)
            .body
            .contains(&format!("data-version=\"{before}\""))
    );

    common::edit(
        &root.join(STANDARD),
        TITLE,
        "Telefon dvignemo v 90 sekundah",
    );
    let after = events.reload();
    assert_ne!(after, before);
    let page = served.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains("Telefon dvignemo v 90 sekundah"),
        "{}",
        page.body
    );
    assert!(page.body.contains(&format!("data-version=\"{after}\"")));
    // The open page first, then the whole site.
    served.line_with("updated 1 open page");
    served.line_with("rebuilt");
    let catalogue = served.get("/standards/");
    assert!(catalogue.body.contains("Telefon dvignemo v 90 sekundah"));
}

#[test]
fn the_lint_summary_of_sok_build_is_shown_on_every_build() {
    let (tmp, root) = small();
    let out = tmp.path().join("out");
    let (code, _, stderr) = common::sok(&[
        "build",
        root.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{stderr}");
    let printed = stderr
        .lines()
        .find(|l| l.starts_with("lint: "))
        .unwrap_or_else(|| panic!("sok build prints no lint line: {stderr}"));
    assert!(printed.contains("7 warnings in 6 files"), "{printed}");

    let mut served = Served::start(&root);
    // The first build reports before the address is printed.
    assert!(served.first[0].starts_with("built "), "{:?}", served.first);
    assert_eq!(served.first[1], printed, "{:?}", served.first);
    let home = served.get("/");
    assert!(
        home.body.contains("<aside id=\"sok-lint\" role=\"status\""),
        "{}",
        home.body
    );
    assert!(
        home.body
            .contains("lint: 7 warnings in 6 files — run <code>sok lint</code> for details"),
        "{}",
        home.body
    );
    assert!(home.body.contains("/__sok/overlay.css"), "{}", home.body);

    // Each rebuild prints it again, and the pages carry the new count.
    let mut events = served.events(PAGE);
    events.hello();
    let settings = root.join("sok.toml");
    let text = std::fs::read_to_string(&settings).unwrap();
    common::write(
        &settings,
        &format!("{text}\n[lint]\nprinciples-count = \"off\"\n"),
    );
    events.reload();
    served.line_with("rebuilt");
    let again = served.line_with("lint: ");
    assert_ne!(again, printed);
    assert!(again.ends_with(" — run `sok lint` for details"), "{again}");
    let count = again.trim_start_matches("lint: ");
    let count = count.split(" — ").next().unwrap();
    assert!(served.get(PAGE).body.contains(count), "{count}");
}

#[test]
fn addresses_content_types_and_not_found() {
    let (_tmp, root) = small();
    let served = Served::start(&root);
    let folder = served.get("/standards");
    assert_eq!(folder.status, 301);
    assert_eq!(folder.header("Location"), Some("/standards/"));
    let index = served.get("/standards/");
    assert_eq!(index.status, 200);
    assert!(index.body.contains(TITLE));
    for (path, content_type) in [
        ("/static/sok.css", "text/css; charset=utf-8"),
        ("/static/search.js", "text/javascript; charset=utf-8"),
        ("/assets/logo.svg", "image/svg+xml"),
        ("/handbook.md", "text/markdown; charset=utf-8"),
        ("/__sok/live.js", "text/javascript; charset=utf-8"),
        ("/__sok/overlay.css", "text/css; charset=utf-8"),
    ] {
        let response = served.get(path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(
            response.header("Content-Type"),
            Some(content_type),
            "{path}"
        );
        assert_eq!(response.header("Cache-Control"), Some("no-store"), "{path}");
    }
    assert!(!served.get("/static/sok.css").body.contains("live.js"));
    for path in [
        "/nope.html",
        "/../sok.toml",
        "/%2e%2e/sok.toml",
        "/standards/..%2f..%2fsok.toml",
        "/sok.toml",
        "/standards/odziv-telefon.md",
    ] {
        let response = served.get(path);
        assert_eq!(response.status, 404, "{path}");
        assert!(response.body.contains("Strani ni mogoče najti"), "{path}");
        assert!(!response.body.contains("owner = "), "{path}");
    }
    let head = request(served.port, "HEAD", "/");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(request(served.port, "POST", "/").status, 405);
}

#[test]
fn a_broken_source_shows_the_overlay_over_the_last_good_pages_until_fixed() {
    let (_tmp, root) = small();
    let mut served = Served::start(&root);
    let mut events = served.events(PAGE);
    events.hello();

    common::edit(
        &root.join(STANDARD),
        "owner = \"vodja\"",
        "owner = \"vodija\"",
    );
    events.reload();
    served.line_with("the handbook has errors");
    let page = served.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(TITLE),
        "the last good page: {}",
        page.body
    );
    assert!(page.body.contains("id=\"sok-overlay\""), "{}", page.body);
    assert!(
        page.body.contains("V priročniku so napake"),
        "{}",
        page.body
    );
    assert!(
        page.body
            .contains("<code>standards/odziv-telefon.md</code>, vrstica 3, stolpec 9"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("unknown owner <code>vodija</code>"),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("did you mean <code>vodja</code>?"),
        "{}",
        page.body
    );
    assert!(page.body.contains("href=\"/__sok/overlay.css\""));
    assert!(served.get("/").body.contains("id=\"sok-overlay\""));
    assert!(
        served
            .stderr
            .lock()
            .unwrap()
            .contains("unknown owner `vodija`")
    );

    // Text from the sources is escaped in the overlay.
    common::edit(
        &root.join(STANDARD),
        "owner = \"vodija\"",
        "owner = \"<b>x</b>\"",
    );
    events.reload();
    let page = served.get(PAGE);
    assert!(page.body.contains("&lt;b&gt;x&lt;/b&gt;"), "{}", page.body);
    assert!(!page.body.contains("<b>x</b>"), "{}", page.body);

    common::edit(
        &root.join(STANDARD),
        "owner = \"<b>x</b>\"",
        "owner = \"vodja\"",
    );
    events.reload();
    let page = served.get(PAGE);
    assert!(page.body.contains(TITLE));
    assert!(!page.body.contains("sok-overlay"), "{}", page.body);
}

#[test]
fn a_first_build_that_fails_serves_only_the_overlay() {
    let (_tmp, root) = small();
    common::edit(
        &root.join(STANDARD),
        "owner = \"vodja\"",
        "owner = \"vodija\"",
    );
    let served = Served::start(&root);
    assert!(
        served.first[0].contains("nothing built yet"),
        "{:?}",
        served.first
    );
    let mut events = served.events(PAGE);
    events.hello();
    for path in ["/", PAGE] {
        let page = served.get(path);
        assert_eq!(page.status, 503, "{path}");
        assert!(page.body.contains("sok-overlay--only"), "{}", page.body);
        assert!(page.body.contains("unknown owner <code>vodija</code>"));
        assert!(!page.body.contains(TITLE));
    }
    common::edit(
        &root.join(STANDARD),
        "owner = \"vodija\"",
        "owner = \"vodja\"",
    );
    events.reload();
    let page = served.get(PAGE);
    assert_eq!(page.status, 200);
    assert!(page.body.contains(TITLE));
    assert!(!page.body.contains("sok-overlay"));
}

#[test]
fn clients_that_go_away_and_the_output_directory_do_not_disturb_it() {
    let (_tmp, root) = small();
    let served = Served::start(&root);
    // An event stream closed at once, a request cut in half, a connection that says nothing.
    drop(served.events(PAGE));
    {
        let mut half = TcpStream::connect(("127.0.0.1", served.port)).unwrap();
        half.write_all(b"GET /index.html HTT").unwrap();
    }
    let _silent = TcpStream::connect(("127.0.0.1", served.port)).unwrap();
    let mut events = served.events(PAGE);
    events.hello();
    let mut glossary = served.events("/glossary.html");
    glossary.hello();
    // `[build].out` of the fixture is `site`: writing there, or a hidden file, is no edit.
    common::write(&root.join("site/html/index.html"), "x");
    common::write(&root.join(".notes.md"), "x");
    events.quiet(Duration::from_millis(600));
    // An edit that lint finds nothing new in ("takoj" would be a vague word): a new lint
    // count is on every page, which then all reload.
    common::edit(
        &root.join(STANDARD),
        TITLE,
        "Telefon dvignemo v 90 sekundah",
    );
    events.reload();
    assert!(
        served
            .get(PAGE)
            .body
            .contains("Telefon dvignemo v 90 sekundah")
    );
    // One reload for the edit: the whole site, rendered after the open page, draws that
    // page the same; and the glossary, which the edit does not change, does not reload.
    events.quiet(Duration::from_millis(1500));
    glossary.quiet(Duration::from_millis(10));
    assert_eq!(served.get("/").status, 200);
}

#[test]
fn no_handbook_is_a_usage_error() {
    let tmp = tempfile::tempdir().unwrap();
    let output = Command::new(assert_cmd::cargo::cargo_bin!("sok"))
        .args(["serve", "--port", "0"])
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("sok::discover::no_handbook"), "{stderr}");
}

// The measuring harness of docs/serve.md.

/// Generates the Polish example with `n` more standards (`std-0001`…), on /dev/shm when
/// there is one.
fn big_handbook(n: usize) -> (tempfile::TempDir, PathBuf) {
    let shm = Path::new("/dev/shm");
    let tmp = if shm.is_dir() {
        tempfile::tempdir_in(shm).unwrap()
    } else {
        tempfile::tempdir().unwrap()
    };
    let root = tmp.path().join("hb");
    common::copy_dir(&common::example("sklep-kwiatek"), &root);
    std::fs::remove_dir_all(root.join("build")).ok();
    let template = std::fs::read_to_string(root.join("standards/phone-answer.md")).unwrap();
    for i in 1..=n {
        let text = template.replacen(
            "title = \"Odbieramy telefon w ciągu 2 minut\"",
            &format!("title = \"Standard {i:04}: odbieramy telefon w ciągu 2 minut\""),
            1,
        );
        std::fs::write(root.join(format!("standards/std-{i:04}.md")), text).unwrap();
    }
    (tmp, root)
}

fn median(mut values: Vec<f64>) -> f64 {
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    if values.len() % 2 == 0 {
        (values[mid - 1] + values[mid]) / 2.0
    } else {
        values[mid]
    }
}

/// `cargo test --release --test it serve::latency -- --ignored --nocapture`
/// (`SOK_SERVE_STANDARDS`, default 1000; `SOK_SERVE_EDITS`, default 10).
#[test]
#[ignore = "a measurement: run it in release mode (docs/serve.md)"]
fn latency() {
    let n = std::env::var("SOK_SERVE_STANDARDS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1000);
    let edits = std::env::var("SOK_SERVE_EDITS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10);
    let (_tmp, root) = big_handbook(n);
    let mut served = Served::start(&root);
    println!("{n} extra standards: {:?}", served.first);
    let mut events = served.events("/standards/std-0500.html");
    events.hello();
    let file = root.join("standards/std-0500.md");
    let (mut to_event, mut to_page) = (Vec::new(), Vec::new());
    let text = std::fs::read_to_string(&file).unwrap();
    for edit in 1..=edits {
        std::thread::sleep(Duration::from_millis(300));
        let marker = format!("edit {edit}:");
        let new = text.replacen(
            "title = \"Standard 0500",
            &format!("title = \"{marker} Standard 0500"),
            1,
        );
        let started = Instant::now();
        std::fs::write(&file, new).unwrap();
        events.reload();
        let event = started.elapsed();
        let page = served.get("/standards/std-0500.html");
        let fetched = started.elapsed();
        assert!(page.body.contains(&marker), "the page has the edit");
        let open = served.line_with("updated");
        let line = served.line_with("rebuilt");
        println!(
            "edit {edit}: reload event after {:.0} ms, new page fetched after {:.0} ms ({open}; {line})",
            event.as_secs_f64() * 1000.0,
            fetched.as_secs_f64() * 1000.0
        );
        to_event.push(event.as_secs_f64() * 1000.0);
        to_page.push(fetched.as_secs_f64() * 1000.0);
    }
    println!(
        "median over {edits} edits: reload event {:.0} ms, new page {:.0} ms (min {:.0}, max {:.0})",
        median(to_event.clone()),
        median(to_page.clone()),
        to_page.iter().copied().fold(f64::INFINITY, f64::min),
        to_page.iter().copied().fold(0.0, f64::max),
    );
}
