//! Integration tests through the `govgraph` binary, one module per topic.

mod util;

mod build;
mod cli;
mod fuzz;
mod inputs;
mod serve;
mod styles;
mod report;
mod synth;
