//! A handbook bundle: load, check, lint, print the diagnostics.

#![no_main]

#[allow(dead_code)]
#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::load_check(data));
