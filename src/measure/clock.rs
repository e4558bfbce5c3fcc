//! The business clock of a touchpoint, and the local calendar of each UTC day.
