//! Helpers for tests that drive the real binary on a temporary store.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder with a copy of the corpus and a store path inside it.
pub struct Workspace {
    pub dir: tempfile::TempDir,
}

impl Workspace {
    pub fn new() -> Workspace {
        let dir = tempfile::tempdir().expect("temporary folder");
        std::fs::create_dir(dir.path().join("corpus")).unwrap();
        for entry in std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("data/corpus")).unwrap() {
            let path = entry.unwrap().path();
            std::fs::copy(&path, dir.path().join("corpus").join(path.file_name().unwrap())).unwrap();
        }
        Workspace { dir }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    /// Runs `govgraph ARGS…` in the workspace folder, with `--store <tmp>/db` for commands that use a store.
    pub fn run(&self, args: &[&str]) -> Run {
        self.run_exe(Path::new(env!("CARGO_BIN_EXE_govgraph")), args)
    }

    /// [`Self::run`] with another copy of the binary (another build of govgraph, to the cache).
    pub fn run_exe(&self, exe: &Path, args: &[&str]) -> Run {
        let mut command = Command::new(exe);
        command.args(args).current_dir(self.dir.path());
        if matches!(args.first(), Some(&"build" | &"query" | &"export" | &"dump" | &"analyse" | &"report")) {
            command.arg("--store").arg(self.path("db"));
        }
        let output = command.output().expect("govgraph runs");
        Run(output)
    }
}

/// The outcome of one run of the binary.
pub struct Run(pub Output);

impl Run {
    pub fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.0.stdout).into_owned()
    }
    pub fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.0.stderr).into_owned()
    }
    pub fn code(&self) -> i32 {
        self.0.status.code().unwrap_or(-1)
    }
    /// Asserts success and returns standard output.
    pub fn ok(&self) -> String {
        assert_eq!(self.code(), 0, "stdout:\n{}\nstderr:\n{}", self.stdout(), self.stderr());
        self.stdout()
    }
}
