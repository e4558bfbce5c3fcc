//! Two handbook bundles: the diff, its outputs and the change notice.

#![no_main]

#[allow(dead_code)]
#[path = "../drivers.rs"]
mod drivers;

libfuzzer_sys::fuzz_target!(|data: &[u8]| drivers::diff(data));
