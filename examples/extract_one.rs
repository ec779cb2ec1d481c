//! Extract one text in memory and print its triples as Turtle.
//!
//!     cargo run --release --example extract_one

use govgraph::build::{self, BuildOptions, Input};
use govgraph::inspect::{self, Format};
use govgraph::Document;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let text = "MAG Working Group on IGF Strengthening and Strategy\n\
                Online Meeting 90\n3 October 2024 at 13:00 UTC\n\n\
                The meeting was moderated by Ms. Ada Example (Addy).\n\n\
                Agenda\n\n1. WSIS+20 review\n2. AoB\n\n\
                Discussion\n\n1. WSIS+20 review\n\n\
                Ada Example noted that the WSIS+20 review is closely linked to the Global Digital Compact (GDC).\n\n\
                Action: Ada Example will circulate a draft letter.\n\n\
                List of participants\n\n1. Ada Example, Group's Co-Chair, Government of Italy\n2. Bo Sample, ISOC\n";
    let doc = Document::from_text("example.md", text);
    let options = BuildOptions::default();
    let analysis = build::analyse(&[Input::Text(doc)], &options, &build::Silent)?;
    inspect::extraction(&analysis, &options, Format::Turtle, &mut std::io::stdout().lock())?;
    Ok(())
}
