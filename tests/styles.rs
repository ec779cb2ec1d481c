//! Summaries in styles govgraph was not written against (tests/fixtures/styles/, with the facts
//! an independent annotator expects in `*.expected.json`).
//!
//! The test measures agreement per category over all fixtures (precision, recall, F1), prints
//! every difference, and fails when a category falls below its floor. The floors sit just under
//! what the extractor reaches today, so any regression fails; known gaps are listed in README.md.

use govgraph::build::{self, BuildOptions, Input};
use govgraph::lexicon::{name_key, EntityKind};
use serde_json::Value;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn fixtures() -> Vec<(PathBuf, Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/styles");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if let Some(stem) = name.strip_suffix(".expected.json") {
            let expected: Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
            let doc = ["txt", "md"].iter().map(|e| dir.join(format!("{stem}.{e}"))).find(|p| p.exists()).unwrap();
            out.push((doc, expected));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// Maps names to the annotator's canonical names through the expected lists and aliases.
struct Names {
    canonical: BTreeMap<String, String>,
    neutral: BTreeSet<String>,
}

impl Names {
    fn new(expected: &Value) -> Names {
        let mut canonical = BTreeMap::new();
        for key in ["people", "organisations", "processes"] {
            for n in expected[key].as_array().into_iter().flatten() {
                let n = n.as_str().unwrap();
                canonical.insert(name_key(n), n.to_owned());
            }
        }
        for (surface, canon) in expected["aliases"].as_object().into_iter().flatten() {
            canonical.entry(name_key(surface)).or_insert_with(|| canon.as_str().unwrap().to_owned());
        }
        let neutral = expected["neutral"].as_array().into_iter().flatten().map(|n| name_key(n.as_str().unwrap())).collect();
        Names { canonical, neutral }
    }

    /// The canonical name of an entity, `None` when neutral, `EXTRA:label` when unexpected.
    fn of(&self, entity: &govgraph::resolve::Entity) -> Option<String> {
        let names: Vec<&String> = std::iter::once(&entity.label).chain(&entity.alt_labels).chain(&entity.hidden_labels).collect();
        for n in &names {
            if let Some(c) = self.canonical.get(&name_key(n)) {
                return Some(c.clone());
            }
        }
        if names.iter().any(|n| self.neutral.contains(&name_key(n))) {
            return None;
        }
        Some(format!("EXTRA:{}", entity.label))
    }
}

fn strings(v: &Value) -> BTreeSet<String> {
    v.as_array().into_iter().flatten().map(|x| match x {
        Value::Array(pair) => pair.iter().map(|p| p.as_str().unwrap_or("")).collect::<Vec<_>>().join(" | "),
        other => other.as_str().unwrap_or("").to_owned(),
    }).collect()
}

/// True/false positives and negatives of one category.
#[derive(Default, Clone, Copy)]
struct Tally {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Tally {
    fn f1(self) -> f64 {
        if self.tp + self.fp + self.fn_ == 0 {
            return 1.0;
        }
        2.0 * self.tp as f64 / (2 * self.tp + self.fp + self.fn_) as f64
    }
}

thread_local! {
    static TALLIES: std::cell::RefCell<BTreeMap<&'static str, Tally>> = const { std::cell::RefCell::new(BTreeMap::new()) };
}

fn diff(category: &'static str, got: &BTreeSet<String>, want: &BTreeSet<String>, problems: &mut Vec<String>) {
    for m in want.difference(got) {
        problems.push(format!("  missing {category}: {m}"));
    }
    for e in got.difference(want) {
        problems.push(format!("  extra   {category}: {e}"));
    }
    TALLIES.with(|t| {
        let mut t = t.borrow_mut();
        let tally = t.entry(category).or_default();
        tally.tp += got.intersection(want).count();
        tally.fp += got.difference(want).count();
        tally.fn_ += want.difference(got).count();
    });
}

#[test]
fn every_style_fixture_yields_the_expected_facts() {
    let mut report = Vec::new();
    let fixtures = fixtures();
    assert!(fixtures.len() >= 10, "at least ten styles");
    for (doc, expected) in &fixtures {
        let analysis = build::analyse(&[Input::Path(doc.clone())], &BuildOptions::default(), &build::Silent).unwrap();
        assert!(analysis.failed.is_empty(), "{:?}", analysis.failed);
        let ex = &analysis.extractions[0];
        let resolved = &analysis.resolved;
        let names = Names::new(expected);
        let entity = |m: usize| resolved.entity_of(0, m);
        let canon = |m: usize| entity(m).and_then(|e| names.of(e));
        let mut problems = Vec::new();

        for (kind, key) in [(EntityKind::Person, "people"), (EntityKind::Organisation, "organisations"), (EntityKind::Process, "processes")] {
            let got: BTreeSet<String> = (0..ex.mentions.len()).filter(|&m| ex.mentions[m].kind == kind).filter_map(canon).collect();
            diff(key, &got, &strings(&expected[key]), &mut problems);
        }
        let mut attendees: BTreeSet<String> = BTreeSet::new();
        if let Some(meeting) = &ex.meeting {
            attendees.extend(ex.participants.iter().filter(|p| p.listed).filter_map(|p| canon(p.person)));
            attendees.extend(meeting.moderator.and_then(canon));
            attendees.extend(ex.speakers.iter().filter_map(|&s| canon(s)));
        }
        diff("attendees", &attendees, &strings(&expected["attendees"]), &mut problems);
        let affiliations: BTreeSet<String> = ex
            .participants
            .iter()
            .flat_map(|p| p.affiliations.iter().filter_map(move |&a| Some(format!("{} | {}", canon(p.person)?, canon(a)?))))
            .collect();
        diff("affiliations", &affiliations, &strings(&expected["affiliations"]), &mut problems);
        let statements: BTreeSet<String> =
            ex.statements.iter().filter_map(|s| Some(format!("{} | {}", canon(s.speaker)?, canon(s.process)?))).collect();
        diff("statements", &statements, &strings(&expected["statements"]), &mut problems);
        let mut owners: Vec<String> = ex.actions.iter().map(|a| a.owner.and_then(canon).unwrap_or_else(|| "(none)".into())).collect();
        let mut want_owners: Vec<String> = expected["actions"].as_array().into_iter().flatten().map(|a| a["owner"].as_str().unwrap_or("(none)").to_owned()).collect();
        owners.sort();
        want_owners.sort();
        let as_set = |v: &[String]| -> BTreeSet<String> {
            let mut seen = BTreeMap::new();
            v.iter().map(|o| { let n = seen.entry(o.clone()).or_insert(0); *n += 1; format!("{o} #{n}") }).collect()
        };
        diff("action owners", &as_set(&owners), &as_set(&want_owners), &mut problems);
        match (&ex.meeting, expected["meeting"].as_object()) {
            (None, None) => {}
            (Some(_), None) | (None, Some(_)) => {
                problems.push(format!("  meeting: found {}, expected {}", ex.meeting.is_some(), expected["meeting"].is_object()));
                TALLIES.with(|t| { let mut t = t.borrow_mut(); let tally = t.entry("meeting fields").or_default(); tally.fp += 6; tally.fn_ += 6; });
            }
            (Some(m), Some(want)) => {
                let date = m.date.map(|d| d.to_string());
                let time = m.time_utc.map(|(h, mi)| format!("{h:02}:{mi:02}"));
                let next = m.next_meeting.map(|n| n.date.to_string());
                let fields: [(&str, Option<String>); 6] = [
                    ("number", m.number.map(|n| n.to_string())),
                    ("date", date),
                    ("start_time_utc", time),
                    ("moderator", m.moderator.and_then(canon)),
                    ("next_meeting", next),
                    ("body", m.body.and_then(canon)),
                ];
                for (field, got) in fields {
                    let want = match &want[field] {
                        Value::Null => None,
                        Value::Number(n) => Some(n.to_string()),
                        Value::String(s) => Some(s.clone()),
                        other => Some(other.to_string()),
                    };
                    let ok = got == want;
                    if !ok {
                        problems.push(format!("  meeting {field}: got {got:?}, want {want:?}"));
                    }
                    TALLIES.with(|t| {
                        let mut t = t.borrow_mut();
                        let tally = t.entry("meeting fields").or_default();
                        if ok { tally.tp += 1 } else { tally.fp += 1; tally.fn_ += 1 }
                    });
                }
            }
        }
        if !problems.is_empty() {
            report.push(format!("{}:\n{}", doc.file_name().unwrap().to_string_lossy(), problems.join("\n")));
        }
    }
    // Floors, just under today's figures (see README.md, "Extraction quality").
    const FLOORS: &[(&str, f64)] = &[
        ("people", 0.98),
        ("organisations", 0.975),
        ("processes", 0.97),
        ("attendees", 0.975),
        ("affiliations", 0.91),
        ("statements", 0.94),
        ("action owners", 0.83),
        ("meeting fields", 0.89),
    ];
    let tallies = TALLIES.with(|t| t.borrow().clone());
    let mut summary = Vec::new();
    let mut below = Vec::new();
    for (category, floor) in FLOORS {
        let tally = tallies.get(category).copied().unwrap_or_default();
        summary.push(format!("{category:15} F1 {:.3} (tp {}, fp {}, fn {}), floor {floor}", tally.f1(), tally.tp, tally.fp, tally.fn_));
        if tally.f1() < *floor {
            below.push(*category);
        }
    }
    eprintln!("{} of {} fixtures match exactly\n{}\n{}", fixtures.len() - report.len(), fixtures.len(), summary.join("\n"), report.join("\n"));
    assert!(below.is_empty(), "below the floor: {below:?}\n{}\n{}", summary.join("\n"), report.join("\n"));
    assert!(fixtures.len() - report.len() >= 19, "fewer fixtures match exactly than before:\n{}", report.join("\n"));
}
