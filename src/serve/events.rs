//! Server-sent events at `/__sok/events`: how an open page learns that the handbook was
//! rebuilt. Each client gets its own thread (a live server has a handful of tabs open) that
//! waits on a channel and writes one `reload` event per build; a comment line every few
//! seconds finds clients that went away. A client that cannot be written to is dropped,
//! never a panic.

use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use super::state::Snapshot;

/// How often an idle stream writes a comment, so a closed connection is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(10);

/// One open stream: the page it belongs to and where its thread hears of new states.
struct Client {
    page: String,
    states: Sender<Arc<Snapshot>>,
}

/// The open event streams.
#[derive(Default)]
pub(crate) struct Broadcaster {
    clients: Mutex<Vec<Client>>,
}

impl Broadcaster {
    /// A new stream for the page at `page` (`standards/a.html`): it receives every later
    /// state.
    pub(crate) fn subscribe(&self, page: &str) -> Receiver<Arc<Snapshot>> {
        let (tx, rx) = mpsc::channel();
        self.lock().push(Client {
            page: page.to_string(),
            states: tx,
        });
        rx
    }

    /// Hands a new state to every stream; forgets the streams that are gone.
    pub(crate) fn send(&self, snapshot: &Arc<Snapshot>) {
        self.lock()
            .retain(|client| client.states.send(Arc::clone(snapshot)).is_ok());
    }

    /// The pages open in a browser now, each once.
    pub(crate) fn open_pages(&self) -> Vec<String> {
        let mut pages: Vec<String> = self.lock().iter().map(|c| c.page.clone()).collect();
        pages.sort();
        pages.dedup();
        pages
    }

    /// Ends every stream (the server is stopping).
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn close(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Client>> {
        self.clients.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

/// The response head of an event stream. The body has no length: it ends when the
/// connection closes.
const HEAD: &str = "HTTP/1.1 200 OK\r\n\
Content-Type: text/event-stream; charset=utf-8\r\n\
Cache-Control: no-store\r\n\
X-Content-Type-Options: nosniff\r\n\
Connection: close\r\n\r\n";

/// Writes the stream of the page `page` to one client until it goes away or the server
/// closes: a `hello` event with the page's version now (a page that missed a build reloads
/// on it), then a `reload` event with the new version whenever a state changes the page.
pub(crate) fn stream(
    out: &mut dyn Write,
    page: &str,
    current: &Snapshot,
    states: &Receiver<Arc<Snapshot>>,
) -> io::Result<()> {
    let mut version = current.version(page);
    out.write_all(HEAD.as_bytes())?;
    out.write_all(format!("retry: 1000\n\n{}", event("hello", &version)).as_bytes())?;
    out.flush()?;
    loop {
        let text = match states.recv_timeout(KEEP_ALIVE) {
            Ok(snapshot) => {
                let new = snapshot.version(page);
                if new == version {
                    continue;
                }
                version = new;
                event("reload", &version)
            }
            Err(RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        out.write_all(text.as_bytes())?;
        out.flush()?;
    }
}

fn event(name: &str, data: &str) -> String {
    format!("event: {name}\ndata: {data}\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Catalog;
    use crate::model::Language;
    use crate::serve::state::State;

    #[test]
    fn a_stream_says_hello_then_reloads_on_a_change_of_its_page_and_ends_when_closed() {
        let state = State::new(Catalog::builtin(Language::En));
        let broadcaster = Broadcaster::default();
        let before = state.current();
        let states = broadcaster.subscribe("index.html");
        assert_eq!(broadcaster.open_pages(), ["index.html"]);
        let after = state.publish_problems(&[], Catalog::builtin(Language::En));
        broadcaster.send(&after);
        broadcaster.send(&after);
        broadcaster.close();
        let mut out = Vec::new();
        stream(&mut out, "index.html", &before, &states).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        let expected = format!(
            "retry: 1000\n\nevent: hello\ndata: {}\n\nevent: reload\ndata: {}\n\n",
            before.version("index.html"),
            after.version("index.html")
        );
        assert!(text.ends_with(&expected), "{text}");
    }

    #[test]
    fn a_client_that_went_away_is_forgotten() {
        let state = State::new(Catalog::builtin(Language::En));
        let broadcaster = Broadcaster::default();
        drop(broadcaster.subscribe("a.html"));
        let kept = broadcaster.subscribe("b.html");
        broadcaster.send(&state.current());
        assert_eq!(broadcaster.open_pages(), ["b.html"]);
        assert!(kept.recv().is_ok());
    }
}
