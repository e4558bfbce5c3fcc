//! Server-sent events at `/__sok/events`: how an open page learns that the handbook was
//! rebuilt. Each client gets its own thread (a live server has a handful of tabs open) that
//! waits on a channel and writes one `reload` event per build; a comment line every few
//! seconds finds clients that went away. A client that cannot be written to is dropped,
//! never a panic.

use std::io::{self, Write};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::sync::{Mutex, PoisonError};
use std::time::Duration;

/// How often an idle stream writes a comment, so a closed connection is noticed.
const KEEP_ALIVE: Duration = Duration::from_secs(10);

/// The open event streams.
#[derive(Default)]
pub(crate) struct Broadcaster {
    clients: Mutex<Vec<Sender<u64>>>,
}

impl Broadcaster {
    /// A new client's end: it receives the generation of every later build.
    pub(crate) fn subscribe(&self) -> Receiver<u64> {
        let (tx, rx) = mpsc::channel();
        self.lock().push(tx);
        rx
    }

    /// Tells every client about the build `generation`; forgets clients that are gone.
    pub(crate) fn send(&self, generation: u64) {
        self.lock().retain(|client| client.send(generation).is_ok());
    }

    /// Ends every stream (the server is stopping).
    pub(crate) fn close(&self) {
        self.lock().clear();
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Sender<u64>>> {
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

/// Writes the stream to one client until it goes away or the server closes: a `hello` event
/// with the current generation (a page served before a build it missed reloads on it), then
/// a `reload` event for every build.
pub(crate) fn stream(out: &mut dyn Write, current: u64, builds: &Receiver<u64>) -> io::Result<()> {
    out.write_all(HEAD.as_bytes())?;
    out.write_all(format!("retry: 1000\n\n{}", event("hello", current)).as_bytes())?;
    out.flush()?;
    loop {
        let text = match builds.recv_timeout(KEEP_ALIVE) {
            Ok(generation) => event("reload", generation),
            Err(RecvTimeoutError::Timeout) => ": keep-alive\n\n".to_string(),
            Err(RecvTimeoutError::Disconnected) => return Ok(()),
        };
        out.write_all(text.as_bytes())?;
        out.flush()?;
    }
}

fn event(name: &str, generation: u64) -> String {
    format!("event: {name}\ndata: {generation}\n\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stream_says_hello_then_reloads_and_ends_when_closed() {
        let broadcaster = Broadcaster::default();
        let builds = broadcaster.subscribe();
        broadcaster.send(8);
        broadcaster.close();
        let mut out = Vec::new();
        stream(&mut out, 7, &builds).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 200 OK\r\n"), "{text}");
        assert!(
            text.ends_with("retry: 1000\n\nevent: hello\ndata: 7\n\nevent: reload\ndata: 8\n\n"),
            "{text}"
        );
    }

    #[test]
    fn a_client_that_went_away_is_forgotten() {
        let broadcaster = Broadcaster::default();
        drop(broadcaster.subscribe());
        let kept = broadcaster.subscribe();
        broadcaster.send(1);
        assert_eq!(broadcaster.lock().len(), 1);
        assert_eq!(kept.recv().unwrap(), 1);
    }
}
