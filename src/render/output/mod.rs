//! Writing a build: which output directories sok may replace, and replacing one as a
//! whole (`staging`).

pub mod staging;
