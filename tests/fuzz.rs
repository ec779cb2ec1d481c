//! Never panic: property tests over ingest's decoders and extraction, on random bytes, random
//! text and structured mutations of real summaries and fixtures.
//!
//! A normal `cargo test` runs proptest's default number of cases (256 per property).
//! Longer runs: `PROPTEST_CASES=20000 cargo test --release --test main fuzz::` (see FUZZING.md).
//! Every panic found becomes a named regression test at the end of this file.

use govgraph::Document;
use govgraph::ingest::{IngestOptions, decode};
use govgraph::lexicon::Lexicon;
use proptest::prelude::*;
use std::path::Path;
use std::sync::OnceLock;

const MEDIA_TYPES: [&str; 5] = [
    "text/plain",
    "text/markdown",
    "text/html",
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| Lexicon::load(&[]).expect("the embedded curated data loads"))
}

/// The embedded corpus and the input fixtures: the seeds that mutations start from.
fn seeds() -> &'static [(String, Vec<u8>)] {
    static SEEDS: OnceLock<Vec<(String, Vec<u8>)>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let mut seeds: Vec<(String, Vec<u8>)> =
            govgraph::defaults::CORPUS.iter().map(|(name, text)| ((*name).to_owned(), text.as_bytes().to_vec())).collect();
        let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/inputs");
        for name in ["summary.html", "summary.pdf", "summary.docx", "scanned.pdf"] {
            seeds.push((name.to_owned(), std::fs::read(fixtures.join(name)).unwrap()));
        }
        seeds
    })
}

fn media_type_of(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("html") => MEDIA_TYPES[2],
        Some("pdf") => MEDIA_TYPES[3],
        Some("docx") => MEDIA_TYPES[4],
        Some("md") => MEDIA_TYPES[1],
        _ => MEDIA_TYPES[0],
    }
}

/// One edit of a byte string: the kinds of damage real files suffer.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(prop::sample::Index),
    Flip(prop::sample::Index, u8),
    Insert(prop::sample::Index, Vec<u8>),
    Delete(prop::sample::Index, usize),
    Duplicate(prop::sample::Index, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<prop::sample::Index>().prop_map(Mutation::Truncate),
        (any::<prop::sample::Index>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<prop::sample::Index>(), prop::collection::vec(any::<u8>(), 1..32)).prop_map(|(i, v)| Mutation::Insert(i, v)),
        (any::<prop::sample::Index>(), 1..200usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        (any::<prop::sample::Index>(), 1..400usize).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn apply(bytes: &mut Vec<u8>, mutation: &Mutation) {
    if bytes.is_empty() {
        return;
    }
    match mutation {
        Mutation::Truncate(i) => bytes.truncate(i.index(bytes.len())),
        Mutation::Flip(i, b) => {
            let at = i.index(bytes.len());
            bytes[at] ^= b | 1;
        }
        Mutation::Insert(i, v) => {
            let at = i.index(bytes.len());
            bytes.splice(at..at, v.iter().copied());
        }
        Mutation::Delete(i, n) => {
            let at = i.index(bytes.len());
            let end = (at + n).min(bytes.len());
            bytes.drain(at..end);
        }
        Mutation::Duplicate(i, n) => {
            let at = i.index(bytes.len());
            let end = (at + n).min(bytes.len());
            let copy = bytes[at..end].to_vec();
            bytes.splice(end..end, copy);
        }
    }
}

/// Decodes `bytes` as `media_type`; when that gives a document, extracts from it too.
fn decode_and_extract(name: &str, media_type: &'static str, bytes: &[u8]) {
    let options = IngestOptions { max_size: 1 << 20 };
    if let Ok(doc) = decode(Path::new(name), media_type, bytes, &options) {
        assert!(!doc.text.trim().is_empty(), "a decoded document has text");
        let _ = govgraph::extract::document(&doc, lexicon());
    }
}

proptest! {
    #[test]
    fn decoding_random_bytes_never_panics(media in 0..MEDIA_TYPES.len(), bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        decode_and_extract("random", MEDIA_TYPES[media], &bytes);
    }

    #[test]
    fn decoding_random_bytes_behind_a_real_header_never_panics(
        media in 2..MEDIA_TYPES.len(),
        bytes in prop::collection::vec(any::<u8>(), 0..2048),
    ) {
        let header: &[u8] = match media {
            2 => b"<!DOCTYPE html><html><body><main><h1>",
            3 => b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n",
            _ => b"PK\x03\x04\x14\x00\x00\x00\x08\x00",
        };
        let mut all = header.to_vec();
        all.extend(bytes);
        decode_and_extract("random", MEDIA_TYPES[media], &all);
    }

    #[test]
    fn decoding_damaged_real_files_never_panics(seed in any::<prop::sample::Index>(), mutations in prop::collection::vec(mutation(), 1..6)) {
        let (name, bytes) = seed.get(seeds());
        let mut bytes = bytes.clone();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        decode_and_extract(name, media_type_of(name), &bytes);
    }

    #[test]
    fn extracting_random_text_never_panics(text in "\\PC{0,600}") {
        let _ = govgraph::extract::document(&Document::from_text("random.txt", &text), lexicon());
    }

    #[test]
    fn extracting_text_made_of_summary_parts_never_panics(
        parts in prop::collection::vec(prop_oneof![
            Just("Online Meeting 4\n"), Just("12 May 2024 at 10:00 UTC\n"), Just("Agenda\n"), Just("1. "), Just("- "),
            Just("Discussion\n"), Just("Participants:\n"), Just("| Name | Organisation |\n|---|---|\n"), Just(">> JANE DOE: "),
            Just("Jorge Cancio (Government of Switzerland)"), Just("Ms. "), Just(" noted the GDC."), Just("**"), Just("# "),
            Just("\n"), Just("\n\n"), Just("("), Just(")"), Just(":"), Just(", "), Just("WSIS+20"), Just("é"), Just("\u{301}"),
            Just("[link](#)"), Just("Action: "), Just("the IGF Secretariat will"), Just("\t"), Just("  "),
        ], 0..80),
    ) {
        let text: String = parts.concat();
        let _ = govgraph::extract::document(&Document::from_text("parts.md", &text), lexicon());
    }

    #[test]
    fn extracting_mutated_summaries_never_panics(seed in any::<prop::sample::Index>(), mutations in prop::collection::vec(mutation(), 1..8)) {
        let corpus = govgraph::defaults::CORPUS;
        let (name, text) = corpus[seed.index(corpus.len())];
        let mut bytes = text.as_bytes().to_vec();
        for m in &mutations {
            apply(&mut bytes, m);
        }
        let text = String::from_utf8_lossy(&bytes);
        let _ = govgraph::extract::document(&Document::from_text(name, &text), lexicon());
    }
}

// Regressions: every panic the properties above found, as the minimal input proptest reported.

/// `segment::sentence_ends` stepped one byte past the white space before a dot's word, which
/// lands inside a multi-byte space (U+2000…U+200A, U+3000): "byte index 1 is not a char boundary".
#[test]
fn regression_dot_after_a_wide_space() {
    for text in ["\u{2000}.'", "Ministers met.\u{3000}Jane Doe spoke. Then", "a\u{2002}b. C"] {
        let _ = govgraph::extract::document(&Document::from_text("wide-space.txt", text), lexicon());
    }
}
