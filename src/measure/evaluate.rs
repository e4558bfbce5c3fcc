//! Counting events into tallies per standard, period, agent, team and touchpoint.
