//! Integration tests through the `govgraph` binary, one module per topic.

mod util;

mod build;
mod cli;
mod styles;
mod synth;
