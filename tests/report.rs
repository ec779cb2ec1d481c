//! The new views, `analyse` and `report`, through the binary; the report in real headless Chromium.

use crate::util::Workspace;
use std::path::Path;
use std::process::Command;

fn built() -> Workspace {
    let ws = Workspace::new();
    ws.run(&["build", "corpus", "-q"]).ok();
    ws
}

const CHROMIUM: &str = "/usr/bin/chromium";

/// Runs headless Chromium on `page` with `extra` arguments; returns (stdout, stderr).
fn chromium(page: &Path, profile: &Path, extra: &[&str]) -> (String, String) {
    assert!(
        Path::new(CHROMIUM).exists(),
        "this test needs Debian's chromium: apt-get install -y chromium"
    );
    let output = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--enable-logging=stderr",
            "--v=0",
            "--window-size=1366,900",
            "--virtual-time-budget=5000",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(extra)
        .arg(format!("file://{}", page.display()))
        .output()
        .expect("chromium runs");
    (
        String::from_utf8_lossy(&output.stdout).into_owned(),
        String::from_utf8_lossy(&output.stderr).into_owned(),
    )
}

#[test]
fn report_renders_in_headless_chromium_without_console_errors() {
    let ws = built();
    ws.run(&["report", "-o", "report.html"]).ok();
    let page = ws.path("report.html");
    let html = std::fs::read_to_string(&page).unwrap();
    // Self-contained: nothing is loaded from elsewhere.
    for outside in [
        "<script src",
        "<link",
        "@import",
        "url(http",
        "<img src=\"http",
    ] {
        assert!(!html.contains(outside), "the report loads {outside}");
    }
    let (dom, log) = chromium(&page, &ws.path("profile"), &["--dump-dom"]);
    // The zoom script ran to its end over the three maps and the timeline.
    assert!(
        dom.contains("data-maps-ready=\"4\""),
        "{}",
        &dom[..dom.len().min(2000)]
    );
    for section in [
        "Process landscape",
        "Organisations by attendance",
        "Stakeholder groups",
        "Process timeline",
        "Who speaks about what",
        "Action items",
        "Evidence",
    ] {
        assert!(dom.contains(section), "missing {section}");
    }
    assert!(dom.matches("<svg").count() >= 4);
    assert!(dom.contains("Global Digital Compact"));
    assert!(dom.contains("<table class=\"matrix\">"));
    // Every evidence link points at an anchor on the page.
    for link in html.split("href=\"#").skip(1) {
        let id = &link[..link.find('"').unwrap()];
        assert!(
            html.contains(&format!("id=\"{id}\"")),
            "dangling link #{id}"
        );
    }
    let problems: Vec<&str> = log
        .lines()
        .filter(|l| l.contains("Uncaught") || l.contains("CONSOLE") || l.contains("Failed to load"))
        .collect();
    assert!(problems.is_empty(), "{problems:#?}");
    let shot = ws.path("report.png");
    chromium(
        &page,
        &ws.path("profile2"),
        &[&format!("--screenshot={}", shot.display())],
    );
    assert!(std::fs::metadata(&shot).unwrap().len() > 10_000);
}

#[test]
fn report_without_graphviz_uses_the_built_in_layout_with_a_notice() {
    let ws = built();
    let run = {
        let mut command = Command::new(env!("CARGO_BIN_EXE_govgraph"));
        command
            .args(["report", "-o", "report.html", "--store"])
            .arg(ws.path("db"))
            .env("GOVGRAPH_DOT", ws.path("no-such-graphviz"))
            .current_dir(ws.dir.path());
        command.output().unwrap()
    };
    assert!(run.status.success());
    let stderr = String::from_utf8_lossy(&run.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("built-in layout"));
    let html = std::fs::read_to_string(ws.path("report.html")).unwrap();
    assert!(html.contains("class=\"notice\""));
    assert!(html.matches("<svg").count() >= 4);
}

#[test]
fn new_views_export() {
    let ws = built();
    ws.run(&[
        "export",
        "people",
        "-o",
        "people.svg",
        "--min-meetings",
        "2",
    ])
    .ok();
    let people = std::fs::read_to_string(ws.path("people.svg")).unwrap();
    assert!(people.contains("Concettina Cassa"));
    assert!(people.contains("meetings together"));
    ws.run(&["export", "timeline", "-o", "timeline.svg"]).ok();
    let timeline = std::fs::read_to_string(ws.path("timeline.svg")).unwrap();
    assert!(timeline.starts_with("<svg") && timeline.contains("2024-09-12"));
    // By date and by number, the same meeting.
    ws.run(&["export", "meeting", "2024-09-12", "-o", "m1.dot"])
        .ok();
    ws.run(&["export", "meeting", "83", "-o", "m2.dot"]).ok();
    let m1 = std::fs::read_to_string(ws.path("m1.dot")).unwrap();
    assert_eq!(m1, std::fs::read_to_string(ws.path("m2.dot")).unwrap());
    assert!(m1.contains("WSIS+20 review") && m1.contains("Jorge Cancio"));
    let missing = ws.run(&["export", "meeting", "1999-01-01", "-o", "m3.dot"]);
    assert_eq!(missing.code(), 2);
    assert!(missing.stderr().contains("no meeting matches"));
    // Dates narrow the landscape.
    ws.run(&[
        "export",
        "processes",
        "--since",
        "2024-01-01",
        "-o",
        "recent.dot",
    ])
    .ok();
    let recent = std::fs::read_to_string(ws.path("recent.dot")).unwrap();
    assert!(recent.contains("WSIS+10 Review"));
    assert!(!recent.contains("Options Paper"));
    let bad = ws.run(&["export", "processes", "--since", "2024", "-o", "x.dot"]);
    assert!(bad.stderr().contains("YYYY-MM-DD"));
}

#[test]
fn analyse_prints_and_writes_measures_that_sparql_can_use() {
    let ws = built();
    let text = ws.run(&["analyse"]).ok();
    assert!(text.contains("co-discussion network") && text.contains("bridges between communities"));
    ws.run(&["analyse", "--write"]).ok();
    let answer = ws
        .run(&[
            "query",
            "-e",
            "PREFIX gg: <https://w3id.org/govgraph/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> \
             SELECT ?label ?b WHERE { GRAPH <https://w3id.org/govgraph/id/graph/analytics> { ?p gg:betweenness ?b ; gg:community ?c } \
             ?p a gg:Process ; rdfs:label ?label } ORDER BY DESC(?b) LIMIT 1",
            "--format",
            "csv",
        ])
        .ok();
    assert!(answer.contains("Global Digital Compact"), "{answer}");
    // A second write changes nothing.
    assert!(ws.run(&["analyse", "--write"]).ok().contains("unchanged"));
}

#[test]
fn report_tables_show_at_most_max_rows_and_say_what_they_left_out() {
    let ws = built();
    ws.run(&["report", "-o", "full.html"]).ok();
    let full = std::fs::read_to_string(ws.path("full.html")).unwrap();
    // The corpus fits under the default: every row, and no note.
    assert!(!full.contains("Showing the"));
    ws.run(&["report", "-o", "short.html", "--max-rows", "3"]).ok();
    let short = std::fs::read_to_string(ws.path("short.html")).unwrap();
    for note in [
        "Showing the largest 3 of",
        "Showing the latest 3 of",
        "Showing the most vocal 3 of",
    ] {
        assert!(short.contains(note), "no note {note:?}");
    }
    assert!(short.contains("<code>govgraph query process-timeline</code> lists them all"));
    // The headline gives the corpus's date range.
    assert!(full.contains("5 meeting summaries, 2020-07-02 to 2024-"), "{}", &full[..3000]);
    // Three speakers in the matrix, three actions.
    assert_eq!(short.matches("<tr><th><a href=").count(), 3);
    assert_eq!(short.matches("\">source</a>").count(), 3);
    assert!(full.matches("<tr><th><a href=").count() > 3);
    // The rows kept still link to evidence on the page, and only those rows have evidence.
    for link in short.split("href=\"#").skip(1) {
        let id = &link[..link.find('"').unwrap()];
        assert!(short.contains(&format!("id=\"{id}\"")), "dangling link #{id}");
    }
    assert!(short.matches("class=\"ev\"").count() < full.matches("class=\"ev\"").count());
}
