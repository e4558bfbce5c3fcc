//! The pull-request formats: SARIF 2.1.0 for code scanning, and GitHub workflow commands for
//! annotations. Both take file paths relative to the repository (see
//! `commands::lint::repository_prefix`) so that GitHub can place findings on the diff.
//! The human, concise and JSON formats are shared with `sok check` in `diagnostics::emit`.

pub(crate) mod github;
pub(crate) mod sarif;

/// A relative path as a URI reference: `/` kept, everything but unreserved bytes encoded.
pub(crate) fn uri_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn uri_paths_are_percent_encoded() {
        assert_eq!(
            super::uri_path("a b/żółw.md"),
            "a%20b/%C5%BC%C3%B3%C5%82w.md"
        );
    }
}
