//! Summaries in other styles, written for these tests (see tests/fixtures/styles/).

use crate::util::Workspace;
