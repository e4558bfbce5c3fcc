//! Markdown as a standard's body and a chapter: rendered HTML stays sanitized.

#![no_main]

#[allow(dead_code)]
#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::render(data));
