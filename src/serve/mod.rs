//! `sok serve`: the handbook as a live site for its authors. It builds the site into memory,
//! serves it on 127.0.0.1, rebuilds on every change of the handbook's files and reloads the
//! open pages; while the sources have errors it keeps serving the last good pages with the
//! problems in an overlay. Docs: docs/serve.md.
//!
//! - `rebuild`: one check and render into memory;
//! - `open_pages`: the pages open in a browser, rendered ahead of the rest;
//! - `state`: the snapshot being served, swapped whole by each build;
//! - `http`: from a request to a reply (routing, content types, 404), without sockets;
//! - `page`: what the server adds to a page (the live script, the overlay) and its own pages;
//! - `overlay`: the problems as accessible, escaped HTML in the handbook's language;
//! - `events`: the server-sent event stream that tells pages to reload;
//! - `watch`: the file watcher and which changes are changes of the sources.
//!
//! This file starts the threads: a few request workers on a `tiny_http` server, one thread
//! per event stream, and one rebuild thread fed by the watcher.

mod events;
mod http;
mod open_pages;
mod overlay;
mod page;
mod rebuild;
mod state;
mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{self, Receiver};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use crate::diagnostics::emit::Style;
use crate::error::Error;
use crate::i18n::Catalog;
use crate::model::Language;
use events::Broadcaster;
use http::{Reply, Route};
use state::{Snapshot, State};

/// How to serve.
#[derive(Debug, Clone)]
pub(crate) struct Options {
    /// The handbook root.
    pub root: PathBuf,
    /// The port on 127.0.0.1; 0 picks a free one.
    pub port: u16,
    /// How long the files must be quiet before a rebuild.
    pub debounce: Duration,
    /// How the problems of a build are printed for the terminal.
    pub style: Style,
}

/// What one step of a build did, for the terminal.
#[derive(Debug, Clone)]
pub(crate) struct BuildReport {
    /// Counts the states served, from 1.
    pub generation: u64,
    /// Since the build started.
    pub elapsed: Duration,
    /// The part of `elapsed` spent checking the sources; the rest is rendering.
    pub checking: Duration,
    pub outcome: Built,
    /// The one-line lint summary of `sok build`, for a build of the whole site that lint
    /// found something in.
    pub lint: Option<String>,
}

/// The outcome of a step of a build.
#[derive(Debug, Clone)]
pub(crate) enum Built {
    /// The pages open in a browser, rendered and reloaded ahead of the rest of the site.
    OpenPages(usize),
    /// The whole site, with this many pages.
    Site(usize),
    /// The sources have errors (as `sok check` prints them): the last good pages stay,
    /// with the problems in an overlay.
    Failed(String),
}

/// Why the server did not start.
#[derive(Debug)]
pub(crate) enum StartError {
    /// No handbook at the root.
    Load(Error),
    /// The port could not be bound, or the watcher not started.
    Other(String),
}

/// A running server: [`Server::wait`] serves until the process ends, [`Server::stop`] stops
/// it. Dropping it stops the watching only.
// `stop` (and what only it reads) shuts a server down in the tests; the binary serves
// until it is killed.
#[cfg_attr(not(test), allow(dead_code))]
pub(crate) struct Server {
    addr: SocketAddr,
    http: Arc<tiny_http::Server>,
    broadcaster: Arc<Broadcaster>,
    /// Each ends with the error that stopped the server from taking requests.
    workers: Vec<JoinHandle<String>>,
    rebuilder: JoinHandle<()>,
    watcher: watch::Watcher,
}

/// Request workers; an event stream moves to its own thread, so these stay free.
const WORKERS: usize = 4;

impl Server {
    /// Builds the handbook once, binds the port and starts serving and watching; `report`
    /// is called after every build, the first one included (before this returns).
    pub(crate) fn start(
        options: Options,
        report: impl Fn(&BuildReport) + Send + 'static,
    ) -> Result<Server, StartError> {
        let root = options.root.canonicalize().unwrap_or(options.root.clone());
        if !root.join(crate::layout::SETTINGS_FILE).is_file() {
            return Err(StartError::Load(crate::load::no_handbook(&options.root)));
        }
        let http = tiny_http::Server::http(("127.0.0.1", options.port)).map_err(|e| {
            StartError::Other(format!("cannot listen on 127.0.0.1:{}: {e}", options.port))
        })?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| StartError::Other("the server has no IP address".into()))?;
        let http = Arc::new(http);
        let state = Arc::new(State::new(Catalog::builtin(Language::En)));
        let broadcaster = Arc::new(Broadcaster::default());

        let mut builder = Builder {
            root: root.clone(),
            style: options.style,
            language: Language::En,
            out_dir: root.join("build"),
            state: Arc::clone(&state),
            broadcaster: Arc::clone(&broadcaster),
            report: Box::new(report),
        };
        // Watching starts before the first build, so an edit made during it is not missed.
        let (tx, rx) = mpsc::channel();
        let watcher = watch::watch(&root, tx)
            .map_err(|e| StartError::Other(format!("cannot watch `{}`: {e}", root.display())))?;
        builder.run();
        let rebuilder = std::thread::Builder::new()
            .name("sok-rebuild".into())
            .spawn(move || builder.watch(&rx, options.debounce))
            .map_err(|e| StartError::Other(e.to_string()))?;
        let mut workers = Vec::new();
        for n in 0..WORKERS {
            let http = Arc::clone(&http);
            let state = Arc::clone(&state);
            let broadcaster = Arc::clone(&broadcaster);
            let worker = std::thread::Builder::new()
                .name(format!("sok-http-{n}"))
                .spawn(move || {
                    loop {
                        match http.recv() {
                            Ok(request) => handle(request, &state, &broadcaster),
                            // The listening socket failed (tiny_http stops accepting then), or
                            // `stop` unblocked this worker.
                            Err(error) => return error.to_string(),
                        }
                    }
                })
                .map_err(|e| StartError::Other(e.to_string()))?;
            workers.push(worker);
        }
        Ok(Server {
            addr,
            http,
            broadcaster,
            workers,
            rebuilder,
            watcher,
        })
    }

    /// `http://127.0.0.1:PORT/`.
    pub(crate) fn url(&self) -> String {
        format!("http://{}/", self.addr)
    }

    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// Serves until the process ends, or until the listening socket fails: then the error.
    pub(crate) fn wait(self) -> String {
        let Server {
            workers, watcher, ..
        } = self;
        let mut error = String::from("the server stopped");
        for worker in workers {
            if let Ok(message) = worker.join() {
                error = message;
            }
        }
        drop(watcher);
        error
    }

    /// Stops watching and serving, ends the event streams and waits for the threads.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn stop(self) {
        drop(self.watcher);
        let _ = self.rebuilder.join();
        self.broadcaster.close();
        for _ in &self.workers {
            self.http.unblock();
        }
        for worker in self.workers {
            let _ = worker.join();
        }
    }
}

/// The rebuild side: builds, publishes and reports.
struct Builder {
    root: PathBuf,
    style: Style,
    language: Language,
    out_dir: PathBuf,
    state: Arc<State>,
    broadcaster: Arc<Broadcaster>,
    report: Box<dyn Fn(&BuildReport) + Send>,
}

impl Builder {
    /// One build: check; then the open pages first (when there are pages to keep the others
    /// of), then the whole site; each step published to the pages and the terminal.
    fn run(&mut self) {
        let started = Instant::now();
        let check = rebuild::check(&self.root, self.language, self.style);
        self.language = check.language;
        self.out_dir = check.out_dir;
        let checking = started.elapsed();
        let checked = match check.result {
            Ok(checked) => Arc::new(checked),
            Err(failure) => return self.failed(&failure, started, checking),
        };
        let open = self.broadcaster.open_pages();
        let ahead = !open.is_empty() && self.state.current().files.is_some();
        // Lint runs beside the open pages' render, and they are published with its summary:
        // a change of the count is then in the same reload as the edit, not a second one.
        let (lint, pages) = std::thread::scope(|scope| {
            let pages = ahead.then(|| scope.spawn(|| open_pages::render(&checked, &open)));
            let lint = rebuild::lint_summary(&checked);
            (lint, pages.and_then(|p| p.join().ok()))
        });
        if let Some(Ok((pages, catalog))) = pages {
            let count = pages.len();
            let snapshot = self
                .state
                .publish_pages(pages, catalog, &checked, lint.as_deref());
            self.publish(&snapshot, started, checking, Built::OpenPages(count));
        }
        match rebuild::render_site(&checked) {
            Ok(site) => {
                let pages = site.pages;
                let snapshot =
                    self.state
                        .publish_site(site.files, site.catalog, checked, lint.as_deref());
                self.publish_with(&snapshot, started, checking, Built::Site(pages), lint);
            }
            Err(failure) => self.failed(&failure, started, checking),
        }
    }

    fn failed(&self, failure: &rebuild::Failure, started: Instant, checking: Duration) {
        let snapshot = self
            .state
            .publish_problems(&failure.problems, Catalog::builtin(self.language));
        let outcome = Built::Failed(failure.report.clone());
        self.publish(&snapshot, started, checking, outcome);
    }

    fn publish(
        &self,
        snapshot: &Arc<Snapshot>,
        started: Instant,
        checking: Duration,
        outcome: Built,
    ) {
        self.publish_with(snapshot, started, checking, outcome, None);
    }

    fn publish_with(
        &self,
        snapshot: &Arc<Snapshot>,
        started: Instant,
        checking: Duration,
        outcome: Built,
        lint: Option<String>,
    ) {
        self.broadcaster.send(snapshot);
        (self.report)(&BuildReport {
            generation: snapshot.generation,
            elapsed: started.elapsed(),
            checking,
            outcome,
            lint,
        });
    }

    /// Rebuilds after every edit of the sources, once they are quiet, until the watcher stops.
    fn watch(mut self, events: &Receiver<watch::Raw>, quiet: Duration) {
        loop {
            let filter = watch::Filter {
                root: self.root.clone(),
                out_dir: self.out_dir.clone(),
            };
            if !watch::next_edit(events, quiet, |event| filter.is_edit(event)) {
                return;
            }
            self.run();
        }
    }
}

/// Answers one request; a client that went away is no error.
fn handle(request: tiny_http::Request, state: &State, broadcaster: &Arc<Broadcaster>) {
    let snapshot = state.current();
    let method = request.method().as_str().to_string();
    match http::route(&method, request.url(), &snapshot) {
        Route::Events(page) => {
            let states = broadcaster.subscribe(&page);
            let mut writer = request.into_writer();
            // A stream that cannot get a thread is closed: the page retries in a second.
            let _ = std::thread::Builder::new()
                .name("sok-events".into())
                .spawn(move || {
                    let _ = events::stream(&mut writer, &page, &snapshot, &states);
                });
        }
        Route::Reply(reply) => {
            let _ = request.respond(response(reply));
        }
    }
}

/// The reply with its headers; the body always has a length (no chunked encoding), and
/// nothing is cached (`Cache-Control: no-store`), since every build changes the pages.
fn response(reply: Reply) -> tiny_http::Response<std::io::Cursor<http::Body>> {
    let mut headers = vec![
        ("Content-Type", reply.content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
    ];
    if let Some(location) = &reply.location {
        headers.push(("Location", location));
    }
    if reply.allow {
        headers.push(("Allow", "GET, HEAD"));
    }
    // Every value is ASCII (a Location is a request target that was ASCII already); one
    // that is not would be left out rather than panic.
    let headers = headers
        .into_iter()
        .filter_map(|(name, value)| {
            tiny_http::Header::from_bytes(name.as_bytes(), value.as_bytes()).ok()
        })
        .collect();
    let length = reply.body.as_ref().len();
    tiny_http::Response::new(
        tiny_http::StatusCode(reply.status),
        headers,
        std::io::Cursor::new(reply.body),
        Some(length),
        None,
    )
    .with_chunked_threshold(usize::MAX)
}

#[cfg(test)]
mod tests {
    use std::io::{Read, Write};
    use std::net::TcpStream;
    use std::sync::Mutex;

    use super::*;

    #[test]
    fn it_serves_the_first_build_and_stops() {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("hb");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(
            root.join("sok.toml"),
            "[handbook]\ntitle = \"T\"\nlanguage = \"en\"\nversion = \"1.0.0\"\n",
        )
        .unwrap();
        let reports = Arc::new(Mutex::new(Vec::new()));
        let seen = Arc::clone(&reports);
        let options = Options {
            root,
            port: 0,
            debounce: Duration::from_millis(10),
            style: Style {
                color: false,
                width: 80,
            },
        };
        let server = Server::start(options, move |report| {
            seen.lock().unwrap().push(report.generation);
        })
        .unwrap_or_else(|_| panic!("the server starts"));
        assert_eq!(*reports.lock().unwrap(), [1]);
        assert!(server.url().starts_with("http://127.0.0.1:"));
        let mut stream = TcpStream::connect(server.addr()).unwrap();
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        stream.read_to_string(&mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 200 OK\r\n"), "{response}");
        server.stop();
    }
}
