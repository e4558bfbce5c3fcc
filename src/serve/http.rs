//! From a request's method and URL to a reply, without sockets, so every rule is a unit
//! test: `/` and directory paths are their `index.html`, a folder without its slash is
//! redirected (so the site's relative links resolve), the content type comes from the
//! extension, and only the keys of the in-memory map are ever served, so no path can reach
//! outside the built site.

use std::sync::Arc;

use super::page::{self, EVENTS_PATH, SCRIPT_PATH, STYLE_PATH};
use super::state::Snapshot;

/// What to answer.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Route {
    /// Open the event stream of the page at this key.
    Events(String),
    Reply(Reply),
}

#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Reply {
    pub(crate) status: u16,
    pub(crate) content_type: &'static str,
    pub(crate) body: Body,
    /// For a redirect.
    pub(crate) location: Option<String>,
    /// For 405.
    pub(crate) allow: bool,
}

/// A body served as it is stored, or made for this request.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Body {
    Stored(Arc<[u8]>),
    Made(Vec<u8>),
}

impl AsRef<[u8]> for Body {
    fn as_ref(&self) -> &[u8] {
        match self {
            Body::Stored(bytes) => bytes,
            Body::Made(bytes) => bytes,
        }
    }
}

const HTML: &str = "text/html; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// The reply to `method` (`GET`, `HEAD`, …) on `url` (the request target, `/a/b?q`).
pub(crate) fn route(method: &str, url: &str, snapshot: &Snapshot) -> Route {
    if method != "GET" && method != "HEAD" {
        return Route::Reply(Reply {
            allow: true,
            ..made(405, TEXT, b"405 method not allowed\n".to_vec())
        });
    }
    let (path, query) = match url.split_once('?') {
        Some((path, query)) => (path, Some(query)),
        None => (url, None),
    };
    let Some(path) = percent_decode(path).filter(|p| p.starts_with('/')) else {
        return Route::Reply(made(400, TEXT, b"400 bad request\n".to_vec()));
    };
    match path.as_str() {
        EVENTS_PATH => {
            // The page's own path, as the live script sends it: `?page=%2Fstandards%2F`.
            let page = query
                .and_then(|q| q.split('&').find_map(|pair| pair.strip_prefix("page=")))
                .and_then(percent_decode)
                .and_then(|page| percent_decode(page.split('?').next().unwrap_or_default()))
                .unwrap_or_else(|| "/".into());
            return Route::Events(key_of(&page));
        }
        SCRIPT_PATH => return Route::Reply(made(200, content_type("js"), page::SCRIPT.into())),
        STYLE_PATH => return Route::Reply(made(200, content_type("css"), page::STYLE.into())),
        _ => {}
    }
    let key = key_of(&path);
    let Some(files) = &snapshot.files else {
        return Route::Reply(made(503, HTML, page::overlay_only(&key, snapshot)));
    };
    let stored = match files.get(&key) {
        Some(bytes) => Some(Arc::clone(bytes)),
        None if key == "handbook.md" => snapshot.handbook_md(),
        None => None,
    };
    if let Some(bytes) = stored {
        let extension = key.rsplit_once('.').map_or("", |(_, e)| e);
        let content_type = content_type(extension);
        let body = if content_type == HTML {
            Body::Made(page::inject(&bytes, &key, snapshot))
        } else {
            Body::Stored(bytes)
        };
        return Route::Reply(Reply {
            status: 200,
            content_type,
            body,
            location: None,
            allow: false,
        });
    }
    if files.contains_key(&format!("{key}/index.html")) {
        let query = query.map(|q| format!("?{q}")).unwrap_or_default();
        let raw = url.split('?').next().unwrap_or("/");
        return Route::Reply(Reply {
            location: Some(format!("{raw}/{query}")),
            ..made(301, TEXT, b"301 moved permanently\n".to_vec())
        });
    }
    Route::Reply(made(404, HTML, page::not_found(&path, &key, snapshot)))
}

/// The key in the site of a decoded path: `/` and folders (`/standards/`) are their
/// `index.html`.
fn key_of(path: &str) -> String {
    let mut key = path.strip_prefix('/').unwrap_or(path).to_string();
    if key.is_empty() || key.ends_with('/') {
        key.push_str("index.html");
    }
    key
}

fn made(status: u16, content_type: &'static str, body: Vec<u8>) -> Reply {
    Reply {
        status,
        content_type,
        body: Body::Made(body),
        location: None,
        allow: false,
    }
}

/// The content type of a file by its extension.
pub(crate) fn content_type(extension: &str) -> &'static str {
    match extension.to_ascii_lowercase().as_str() {
        "html" | "htm" => HTML,
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "md" => "text/markdown; charset=utf-8",
        "txt" => TEXT,
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "avif" => "image/avif",
        "ico" => "image/x-icon",
        "pdf" => "application/pdf",
        "woff2" => "font/woff2",
        "woff" => "font/woff",
        _ => "application/octet-stream",
    }
}

/// `%XX` escapes decoded; `None` for a malformed escape or a result that is not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = text.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;
    use crate::i18n::Catalog;
    use crate::model::Language;
    use crate::serve::state::State;

    fn snapshot(files: &[(&str, &str)]) -> Arc<Snapshot> {
        let files: HashMap<String, Arc<[u8]>> = files
            .iter()
            .map(|(k, v)| (k.to_string(), Arc::from(v.as_bytes())))
            .collect();
        let checked = crate::check_loaded(crate::load::load_from(
            Vec::new(),
            Arc::new(crate::world::MemoryWorld::default()),
        ));
        State::new(Catalog::builtin(Language::En)).publish_site(
            files,
            Catalog::builtin(Language::En),
            Arc::new(checked),
            None,
        )
    }

    fn reply(method: &str, url: &str, snapshot: &Snapshot) -> Reply {
        match route(method, url, snapshot) {
            Route::Reply(reply) => reply,
            Route::Events(_) => panic!("{url} is not the event stream"),
        }
    }

    const SITE: &[(&str, &str)] = &[
        ("index.html", "<body>home</body>"),
        ("standards/index.html", "<body>standards</body>"),
        ("standards/phone answer.html", "<body>phone</body>"),
        ("static/sok.css", "body{}"),
        ("assets/logo.svg", "<svg/>"),
        ("handbook.md", "# Handbook"),
    ];

    #[test]
    fn directories_are_their_index_and_a_folder_without_slash_redirects() {
        let site = snapshot(SITE);
        let home = reply("GET", "/", &site);
        assert_eq!((home.status, home.content_type), (200, HTML));
        assert!(String::from_utf8_lossy(home.body.as_ref()).starts_with("<body>home<script"));
        assert_eq!(reply("GET", "/standards/", &site).status, 200);
        let redirect = reply("GET", "/standards?x=1", &site);
        assert_eq!(redirect.status, 301);
        assert_eq!(redirect.location.as_deref(), Some("/standards/?x=1"));
        let page = reply("GET", "/standards/phone%20answer.html?q=a#top", &site);
        assert_eq!(page.status, 200);
    }

    #[test]
    fn content_types_by_extension_and_nothing_else_is_injected() {
        let site = snapshot(SITE);
        for (url, expected) in [
            ("/static/sok.css", "text/css; charset=utf-8"),
            ("/assets/logo.svg", "image/svg+xml"),
            ("/handbook.md", "text/markdown; charset=utf-8"),
            ("/__sok/live.js", "text/javascript; charset=utf-8"),
        ] {
            let r = reply("GET", url, &site);
            assert_eq!((r.status, r.content_type), (200, expected), "{url}");
        }
        assert_eq!(
            reply("GET", "/assets/logo.svg", &site).body.as_ref(),
            b"<svg/>"
        );
        assert_eq!(content_type("PNG"), "image/png");
        assert_eq!(content_type("jpg"), "image/jpeg");
        assert_eq!(content_type("json"), "application/json");
    }

    #[test]
    fn nothing_outside_the_map_is_served() {
        let site = snapshot(SITE);
        for url in [
            "/../Cargo.toml",
            "/static/../../sok.toml",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/etc/passwd",
            "/standards/..%2F..%2Fsok.toml",
        ] {
            let r = reply("GET", url, &site);
            assert_eq!(r.status, 404, "{url}");
            assert_eq!(r.content_type, HTML);
        }
        assert_eq!(reply("GET", "/%zz", &site).status, 400);
        assert_eq!(reply("GET", "/%ff", &site).status, 400);
        assert_eq!(reply("GET", "*", &site).status, 400);
        let post = reply("POST", "/", &site);
        assert_eq!((post.status, post.allow), (405, true));
        assert_eq!(reply("HEAD", "/", &site).status, 200);
        assert_eq!(
            route("GET", "/__sok/events", &site),
            Route::Events("index.html".into())
        );
        assert_eq!(
            route(
                "GET",
                "/__sok/events?page=%2Fstandards%2Fphone%2520answer.html",
                &site
            ),
            Route::Events("standards/phone answer.html".into())
        );
        assert_eq!(
            route("GET", "/__sok/events?page=%2Fstandards%2F", &site),
            Route::Events("standards/index.html".into())
        );
    }

    #[test]
    fn before_the_first_good_build_every_page_is_the_overlay() {
        let nothing = State::new(Catalog::builtin(Language::En))
            .publish_problems(&[], Catalog::builtin(Language::En));
        let r = reply("GET", "/standards/a.html", &nothing);
        assert_eq!((r.status, r.content_type), (503, HTML));
        assert!(String::from_utf8_lossy(r.body.as_ref()).contains("sok-overlay"));
    }
}
