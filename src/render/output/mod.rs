//! Getting a build out: which output directories sok may replace (`refusal`), where the
//! rendered files go (`sink`: a directory or memory), and committing a staging directory as
//! the new OUT in one step (`staging`, with `swap` and `lock`). Producing files and committing them are separate, so
//! a test or a server can render without touching the disk.

pub(crate) mod absolute;
pub(crate) mod lock;
pub(crate) mod refusal;
pub(crate) mod sink;
pub(crate) mod staging;
pub(crate) mod swap;
#[cfg(test)]
mod tests;

pub use refusal::check;
pub use sink::{DirSink, MemorySink, Sink};
pub use staging::Staging;
