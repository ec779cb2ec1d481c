//! Synth: realistic synthetic meeting summaries, for benchmarks and stress tests.
//!
//! A corpus is a function of its seed: the same seed gives the same files, byte for byte.
//! People are invented from syllables (never real people) and recur across documents, as they do
//! in a real series of meetings; organisations and processes come from the curated data, so the
//! extractor finds them as it finds them in real summaries. Each document is written in one of
//! the styles govgraph reads (a MAG working-group summary report, a numbered MAG report with
//! honorifics, mailing-list minutes, a Markdown summary with a participants table, a captioning
//! transcript, action-item call notes) and runs to 1,000–2,000 words, like the real corpus.
//!
//! Every document has its own random stream, derived from the seed and its number, so any one
//! document can be generated (or regenerated) alone.

use std::fmt::Write as _;
use std::path::Path;

use crate::lexicon::{EntityKind, Lexicon};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct SynthOptions {
    pub docs: usize,
    pub seed: u64,
}

/// A small deterministic generator (SplitMix64): fast, good enough for text, and stable across
/// platforms and releases, unlike the generators of external crates.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    #[must_use]
    pub fn new(seed: u64) -> Rng {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One of a list of constant words.
    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

/// A generated person: first and last name, and the organisation they usually speak for.
#[derive(Debug, Clone)]
struct Person {
    first: String,
    last: String,
    org: Option<String>,
}

impl Person {
    fn full(&self) -> String {
        format!("{} {}", self.first, self.last)
    }
}

/// What every document of one corpus draws from.
struct Pools {
    people: Vec<Person>,
    orgs: Vec<String>,
    processes: Vec<String>,
    bodies: Vec<String>,
}

const ONSETS: &[&str] = &[
    "b", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "z", "br", "dr", "kr", "tr", "st", "sh", "ch",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "a", "e", "o", "ai", "ei", "ou"];
const CODAS: &[&str] = &["", "", "", "n", "l", "r", "s", "m", "nd", "rt"];

fn syllables(rng: &mut Rng, count: usize) -> String {
    let mut word = String::new();
    for _ in 0..count {
        word.push_str(rng.word(ONSETS));
        word.push_str(rng.word(VOWELS));
    }
    word.push_str(rng.word(CODAS));
    let mut chars = word.chars();
    let first = chars.next().map(|c| c.to_ascii_uppercase()).unwrap_or('X');
    std::iter::once(first).chain(chars).collect()
}

impl Pools {
    fn new(seed: u64, docs: usize, lexicon: &Lexicon) -> Pools {
        let mut rng = Rng::new(seed);
        let mut orgs = Vec::new();
        let mut processes = Vec::new();
        for entry in lexicon.entries() {
            match entry.kind {
                EntityKind::Organisation => orgs.push(entry.label.clone()),
                EntityKind::Process => processes.push(entry.label.clone()),
                EntityKind::Person => {}
            }
        }
        let bodies: Vec<String> = orgs.iter().filter(|o| o.contains("Working Group") || o.contains("Policy Network") || o.contains("Dynamic Coalition")).cloned().collect();
        let bodies = if bodies.is_empty() { vec!["MAG Working Group on IGF Strengthening and Strategy".to_owned()] } else { bodies };
        // A community grows with the series of meetings, more slowly than the number of documents.
        let n_people = 60 + docs / 4;
        let mut seen = std::collections::HashSet::new();
        let mut people = Vec::with_capacity(n_people);
        while people.len() < n_people {
            let n_first = rng.range(2, 3);
            let first = syllables(&mut rng, n_first);
            let n_last = rng.range(2, 4);
            let last = syllables(&mut rng, n_last);
            if first.len() < 4 || lexicon.lookup(&first).is_some() || lexicon.lookup(&last).is_some() || !seen.insert(last.clone()) {
                continue;
            }
            let org = if rng.chance(75) { Some(rng.pick(&orgs).clone()) } else { None };
            people.push(Person { first, last, org });
        }
        Pools { people, orgs, processes, bodies }
    }
}

/// Writes `options.docs` summaries into `dir` (created when absent), named `synth_<n>.txt`
/// or `.md`, and returns the number of bytes written.
pub fn write_corpus(dir: &Path, options: SynthOptions, lexicon: &Lexicon) -> std::io::Result<u64> {
    std::fs::create_dir_all(dir)?;
    let pools = Pools::new(options.seed, options.docs, lexicon);
    let mut bytes = 0;
    for index in 0..options.docs {
        let (name, text) = document_with(&pools, options.seed, index);
        std::fs::write(dir.join(name), &text)?;
        bytes += text.len() as u64;
    }
    Ok(bytes)
}

/// Document number `index` of the corpus of `options`: its file name and text.
pub fn document(options: SynthOptions, index: usize, lexicon: &Lexicon) -> (String, String) {
    document_with(&Pools::new(options.seed, options.docs, lexicon), options.seed, index)
}

fn document_with(pools: &Pools, seed: u64, index: usize) -> (String, String) {
    let mut rng = Rng::new(seed.wrapping_mul(0x0100_0000_01B3) ^ (index as u64).wrapping_mul(0xD6E8_FEB8_6659_FD93));
    let style = rng.below(6);
    let meeting = Meeting::draw(&mut rng, pools, index);
    let mut text = match style {
        0 => summary_report(&mut rng, &meeting),
        1 => honorific_report(&mut rng, &meeting),
        2 => mailing_minutes(&mut rng, &meeting),
        3 => markdown_summary(&mut rng, &meeting),
        4 => transcript(&mut rng, &meeting),
        _ => call_notes(&mut rng, &meeting),
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    let ext = if style == 3 { "md" } else { "txt" };
    (format!("synth_{index:06}.{ext}"), text)
}

/// The facts of one meeting, drawn before it is written in a style.
struct Meeting<'a> {
    body: &'a str,
    number: usize,
    day: usize,
    month: &'static str,
    year: usize,
    weekday: &'static str,
    hour: usize,
    people: Vec<&'a Person>,
    processes: Vec<&'a str>,
    orgs: &'a [String],
    /// Target length in words.
    words: usize,
}

const MONTHS: &[&str] = &[
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
];
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];
const SPEECH: &[&str] = &["noted", "shared", "highlighted", "stressed", "suggested", "recalled", "explained", "pointed out"];
const ORDINALS: &[&str] = &["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth"];

impl<'a> Meeting<'a> {
    fn draw(rng: &mut Rng, pools: &'a Pools, index: usize) -> Meeting<'a> {
        let mut people: Vec<&Person> = Vec::new();
        // Participants cluster: each meeting has a core drawn from a neighbourhood of the pool,
        // plus a few from anywhere, so people recur across meetings of a series.
        let n = rng.range(5, 10);
        let centre = index.wrapping_mul(7) % pools.people.len();
        while people.len() < n {
            let p = if rng.chance(70) { &pools.people[(centre + rng.below(30)) % pools.people.len()] } else { rng.pick(&pools.people) };
            if !people.iter().any(|q| q.last == p.last || q.first == p.first) {
                people.push(p);
            }
        }
        let mut processes: Vec<&str> = Vec::new();
        let k = rng.range(3, 6);
        while processes.len() < k {
            let p = rng.pick(&pools.processes).as_str();
            if !processes.contains(&p) {
                processes.push(p);
            }
        }
        Meeting {
            body: rng.pick(&pools.bodies).as_str(),
            number: 1 + index % 150,
            day: rng.range(1, 28),
            month: rng.word(MONTHS),
            year: rng.range(2021, 2026),
            weekday: rng.word(WEEKDAYS),
            hour: rng.range(6, 18),
            people,
            processes,
            orgs: &pools.orgs,
            words: rng.range(1000, 1250),
        }
    }

    fn date(&self) -> String {
        format!("{} {} {}", self.day, self.month, self.year)
    }

    fn process(&self, rng: &mut Rng) -> &'a str {
        self.processes[rng.below(self.processes.len())]
    }

    fn org(&self, rng: &mut Rng) -> &'a str {
        rng.pick(self.orgs).as_str()
    }

    fn affiliation(&self, person: &Person, rng: &mut Rng) -> String {
        person.org.clone().unwrap_or_else(|| self.org(rng).to_owned())
    }
}

/// One sentence of discussion about a process, with no speaker.
fn topic_sentence(rng: &mut Rng, m: &Meeting<'_>) -> String {
    let p = m.process(rng);
    let q = m.process(rng);
    let o = m.org(rng);
    match rng.below(8) {
        0 => format!("The timeline of the {p} is getting shorter, and stakeholders need clarity on how inputs will be considered."),
        1 => format!("There was broad agreement that the {p} and the {q} should not be handled in separate silos."),
        2 => format!("Several members asked how the {o} intends to contribute to the {p} in the coming months."),
        3 => format!("It was recalled that consultations on the {p} remain open until the end of the month."),
        4 => format!("The group discussed the links between the {p} and the {q}, and how the IGF could feed its messages into both."),
        5 => format!("A short written contribution on the {p} would be prepared and shared with the wider community."),
        6 => format!("Participants welcomed the update and noted that the {o} had published a new report relevant to the {p}."),
        _ => format!("The discussion also touched on capacity development, meaningful access and the role of national and regional initiatives in the {p}."),
    }
}

/// "First Last noted that …" or, once introduced, "First noted that …".
fn statement(rng: &mut Rng, m: &Meeting<'_>, speaker: &Person, first_time: bool) -> String {
    let verb = rng.word(SPEECH);
    let who = if first_time { speaker.full() } else { speaker.first.clone() };
    let p = m.process(rng);
    let q = m.process(rng);
    let o = m.org(rng);
    match rng.below(6) {
        0 => format!("{who} {verb} that the {p} needs a clear and inclusive process, and that the {o} stands ready to support it."),
        1 => format!("{who} {verb} the importance of aligning the {p} with the {q}, so that efforts are not duplicated."),
        2 => format!("{who} {verb} that the next weeks are crucial for the {p} and asked members to review the draft text."),
        3 => format!("{who} {verb} that many stakeholders still do not know how the {p} will shape the future of the IGF."),
        4 => format!("{who} {verb} that the {o} had organised a consultation on the {p} with participants from several regions."),
        _ => format!("{who} {verb} the need for a unified multistakeholder voice in the {p} and in the {q}."),
    }
}

fn action(rng: &mut Rng, m: &Meeting<'_>, owner: &str) -> String {
    let p = m.process(rng);
    let day = rng.range(1, 28);
    match rng.below(4) {
        0 => format!("{owner} to circulate a draft note on the {p} by {day} {}.", m.month),
        1 => format!("{owner} to share the updated timeline of the {p} with the group."),
        2 => format!("{owner} to prepare a short briefing on the {p} for the next meeting."),
        _ => format!("{owner} to collect comments on the {p} contribution by {day} {}.", m.month),
    }
}

fn word_count(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Discussion paragraphs until the text reaches the meeting's length: statements by the
/// participants (full name first, first name afterwards) and unattributed context.
fn discussion(rng: &mut Rng, m: &Meeting<'_>, text: &mut String, headings: &[String], heading: impl Fn(usize, &str) -> String, introduced: &mut [bool]) {
    let budget = m.words.saturating_sub(120);
    let per_item = budget / headings.len().max(1);
    for (i, title) in headings.iter().enumerate() {
        text.push_str(&heading(i, title));
        let target = word_count(text) + per_item;
        while word_count(text) < target {
            let mut paragraph = String::new();
            for _ in 0..rng.range(2, 4) {
                if rng.chance(65) {
                    let s = rng.below(m.people.len());
                    paragraph.push_str(&statement(rng, m, m.people[s], !introduced[s]));
                    introduced[s] = true;
                } else {
                    paragraph.push_str(&topic_sentence(rng, m));
                }
                paragraph.push(' ');
            }
            text.push_str(paragraph.trim_end());
            text.push_str("\n\n");
        }
    }
}

fn agenda(rng: &mut Rng, m: &Meeting<'_>) -> Vec<String> {
    let mut items: Vec<String> = Vec::new();
    for p in &m.processes {
        items.push(match rng.below(3) {
            0 => format!("Update on the {p}"),
            1 => format!("{p} update"),
            _ => format!("Discussion of the {p}"),
        });
    }
    items.push("Update from the IGF Secretariat".to_owned());
    items
}

fn summary_report(rng: &mut Rng, m: &Meeting<'_>) -> String {
    let mut t = String::new();
    let chair = m.people[0];
    let _ = write!(
        t,
        "\n{}\n\nOnline Meeting {} {} at {}:00 UTC\n\nSummary Report\n\nThe {} virtual meeting of the {} was held on {} {} at {}:00 UTC. The meeting was moderated by {}, and a recording of the meeting is available upon request.\n\nThe co-chair opened the meeting by introducing the agenda.\n\nAgenda\n\n",
        m.body,
        m.number,
        m.date(),
        m.hour,
        ORDINALS[m.number % ORDINALS.len()],
        m.body,
        m.day,
        m.month,
        m.hour,
        chair.full()
    );
    let items = agenda(rng, m);
    for (i, item) in items.iter().enumerate() {
        let _ = writeln!(t, "{}. {item}", i + 1);
    }
    let _ = writeln!(t, "{}. AoB\n\nDiscussion\n", items.len() + 1);
    let mut introduced = vec![false; m.people.len()];
    introduced[0] = true;
    discussion(rng, m, &mut t, &items, |i, title| format!("{}. {title}\n\n", i + 1), &mut introduced);
    t.push_str("Comments from the Chat\n\n");
    for _ in 0..rng.range(1, 3) {
        let p = rng.pick(&m.people);
        let _ = writeln!(t, "→ {}: +1, and we should keep the {} in mind as well.\n", p.full(), m.process(rng));
    }
    t.push_str("Action items\n\n");
    for _ in 0..rng.range(2, 4) {
        let p = rng.pick(&m.people);
        let _ = writeln!(t, "- {}", action(rng, m, &p.full()));
    }
    let _ = writeln!(t, "\nNext meeting: {} {} at {}:00 UTC", rng.range(1, 28), m.month, m.hour);
    t
}

fn honorific(rng: &mut Rng) -> &'static str {
    if rng.chance(50) { "Ms." } else { "Mr." }
}

fn honorific_report(rng: &mut Rng, m: &Meeting<'_>) -> String {
    let mut t = String::new();
    let titles: Vec<&str> = m.people.iter().map(|_| honorific(rng)).collect();
    let _ = write!(
        t,
        "MULTISTAKEHOLDER ADVISORY GROUP (MAG)\n{} MAG Virtual Meeting of the {} cycle\n{}, {}, {}:00-{}:00 UTC\n\nSUMMARY REPORT\n\n",
        capitalise(ORDINALS[m.number % ORDINALS.len()]),
        m.year,
        m.weekday,
        m.date(),
        m.hour,
        m.hour + 2
    );
    let others: Vec<String> = m.people[1..]
        .iter()
        .zip(&titles[1..])
        .map(|(p, h)| format!("{h} {} ({})", p.full(), m.affiliation(p, rng)))
        .collect();
    let mut n = 1;
    let _ = writeln!(
        t,
        "{n}. {} {} moderated the meeting as Chair of the MAG. MAG members taking the floor included {}; the full attendance list is kept by the Secretariat.\n",
        titles[0],
        m.people[0].full(),
        others.join(", ")
    );
    n += 1;
    let _ = writeln!(t, "{n}. The agenda was adopted without changes. It focused on the {} and the {}.\n", m.processes[0], m.processes[1]);
    n += 1;
    let mut introduced = vec![true; m.people.len()];
    while word_count(&t) < m.words.saturating_sub(80) {
        let s = rng.below(m.people.len());
        let who = if introduced[s] && rng.chance(50) { format!("{} {}", titles[s], m.people[s].last) } else { format!("{} {}", titles[s], m.people[s].full()) };
        introduced[s] = true;
        let body = statement(rng, m, m.people[s], true);
        let rest = body.split_once(' ').and_then(|(_, r)| r.split_once(' ')).map_or("", |(_, r)| r);
        let _ = writeln!(t, "{n}. {who} {rest} {}\n", topic_sentence(rng, m));
        n += 1;
    }
    let _ = writeln!(t, "{n}. Actions:");
    let a = m.people[1];
    let _ = writeln!(t, "   a) The Secretariat will circulate a timeline for the MAG contribution to the {} by {} {}.", m.processes[0], rng.range(1, 28), m.month);
    let _ = writeln!(t, "   b) {} {} will share a first text with the MAG.\n", titles[1], a.last);
    let _ = writeln!(t, "{}. The next MAG virtual meeting will be held on {}, {} {} {}, at {}:00 UTC.", n + 1, m.weekday, rng.range(1, 28), m.month, m.year, m.hour);
    t
}

fn mailing_minutes(rng: &mut Rng, m: &Meeting<'_>) -> String {
    let mut t = String::new();
    let sender = m.people[1];
    let login = format!("{}.{}", sender.first.to_lowercase(), sender.last.to_lowercase());
    let _ = write!(
        t,
        "From: {} <{login} at example.org>\nTo: group at example.org\nDate: {}, {} {} {} 09:12:44 +0000\nSubject: Minutes of the call\n\nDear all,\n\nThank you to everyone who joined the call of the {}. The minutes are below; please send corrections by Wednesday.\n\n----- Minutes -----\n{} call | {}, {} | {}:00-{}:00 UTC\n",
        sender.full(),
        &m.weekday[..3],
        m.day,
        &m.month[..3],
        m.year,
        m.body,
        m.body,
        m.weekday,
        m.date(),
        m.hour,
        m.hour + 1
    );
    let chair = m.people[0];
    let _ = writeln!(t, "Chair: {} ({})", chair.full(), m.affiliation(chair, rng));
    let present: Vec<String> = m.people[1..m.people.len() - 1]
        .iter()
        .map(|p| match &p.org {
            Some(o) => format!("{} ({o})", p.full()),
            None => p.full(),
        })
        .collect();
    let _ = writeln!(t, "Present: {}", present.join(", "));
    let _ = writeln!(t, "Apologies: {}\n", m.people[m.people.len() - 1].full());
    let mut n = 1;
    while word_count(&t) < m.words.saturating_sub(90) {
        let s = 1 + rng.below(m.people.len() - 2);
        let body = statement(rng, m, m.people[s], false);
        let _ = writeln!(t, "{n}. {} - {} {}", m.process(rng), body, topic_sentence(rng, m));
        n += 1;
    }
    t.push_str("\nAction points\n");
    for _ in 0..rng.range(2, 4) {
        let p = m.people[1 + rng.below(m.people.len() - 2)];
        let _ = writeln!(t, "- {}", action(rng, m, &p.first));
    }
    let _ = writeln!(t, "\nNext call: {}, {} {} {}, {}:00 UTC.\n----- End of minutes -----\n\nBest regards,\n{}\n", m.weekday, rng.range(1, 28), m.month, m.year, m.hour, sender.first);
    t
}

fn markdown_summary(rng: &mut Rng, m: &Meeting<'_>) -> String {
    let mut t = String::new();
    let _ = write!(
        t,
        "# {}\n\n**Online Meeting {} | {} | {}:00 UTC**\n\n## Summary\n\nThe {} meeting of the group was chaired by **{}**, with **{}** from the [IGF Secretariat](#) supporting. The [recording](#) is available on request.\n\n## Participants\n\n| Name | Affiliation |\n|------|-------------|\n",
        m.body,
        m.number,
        m.date(),
        m.hour,
        ORDINALS[m.number % ORDINALS.len()],
        m.people[0].full(),
        m.people[1].full()
    );
    for (i, p) in m.people.iter().enumerate() {
        let affiliation = match i {
            0 => "Co-Chair".to_owned(),
            1 => "IGF Secretariat".to_owned(),
            _ => m.affiliation(p, rng),
        };
        let _ = writeln!(t, "| {} | {affiliation} |", p.full());
    }
    t.push_str("\n## Agenda\n\n");
    let items = agenda(rng, m);
    for (i, item) in items.iter().enumerate() {
        let _ = writeln!(t, "{}. {item}", i + 1);
    }
    t.push_str("\n## Discussion\n\n");
    let mut introduced = vec![false; m.people.len()];
    discussion(rng, m, &mut t, &items, |i, title| format!("### {}. {title}\n\n", i + 1), &mut introduced);
    t.push_str("**Chat**\n\n");
    for _ in 0..rng.range(1, 3) {
        let p = rng.pick(&m.people);
        let _ = writeln!(t, "→ {}: +1 to a FAQ on the {}.", p.full(), m.process(rng));
    }
    t.push_str("\n## Action items\n\n");
    for _ in 0..rng.range(2, 3) {
        let p = rng.pick(&m.people);
        let _ = writeln!(t, "- {}", action(rng, m, &format!("**{}**", p.full())));
    }
    let _ = writeln!(t, "\n## Next meeting\n\n{} {} {}, {}:00 UTC", rng.range(1, 28), m.month, m.year, m.hour);
    t
}

fn transcript(rng: &mut Rng, m: &Meeting<'_>) -> String {
    let mut t = String::new();
    let chair = m.people[0];
    let _ = write!(
        t,
        "RAW COPY - {}\nVIRTUAL MEETING - {}, {} - {}:00 UTC\n\nServices provided by a realtime captioning provider. This text is a rough draft and may not be a totally verbatim record of the proceedings.\n\n>> CHAIR: Good afternoon, good morning, good evening, everyone. My name is {} and I will chair today's call of the {}. Our first item is the {}. {}, over to you.\n\n",
        m.body.to_uppercase(),
        m.weekday.to_uppercase(),
        m.date().to_uppercase(),
        m.hour,
        chair.full(),
        m.body,
        m.processes[0],
        m.people[1].first
    );
    while word_count(&t) < m.words.saturating_sub(60) {
        let s = 1 + rng.below(m.people.len() - 1);
        let p = m.people[s];
        let _ = writeln!(
            t,
            ">> {}: Thank you, Chair. {} {} {}\n",
            p.full().to_uppercase(),
            topic_sentence(rng, m),
            topic_sentence(rng, m),
            topic_sentence(rng, m)
        );
        if rng.chance(40) {
            let _ = writeln!(t, ">> CHAIR: Thank you. {}, I see your hand.\n", m.people[1 + rng.below(m.people.len() - 1)].first);
        }
    }
    let _ = writeln!(t, ">> CHAIR: Noted, thank you. Our next call is on {} {}, same time. Thank you all.\n\n(END OF MEETING)", rng.range(1, 28), m.month);
    t
}

fn call_notes(rng: &mut Rng, m: &Meeting<'_>) -> String {
    let mut t = String::new();
    let _ = write!(
        t,
        "{}\nMultistakeholder Working Group - call notes\n\nDate: {}, {}\nTime: {}:00-{}:00 UTC\nChair: {}\n",
        m.body.to_uppercase(),
        m.weekday,
        m.date(),
        m.hour,
        m.hour + 1,
        m.people[0].full()
    );
    let present: Vec<String> = m.people[..m.people.len() - 1]
        .iter()
        .map(|p| match &p.org {
            Some(o) => format!("{} ({o})", p.full()),
            None => p.full(),
        })
        .collect();
    let _ = writeln!(t, "Present: {}\nApologies: {}\n\nDiscussion", present.join("; "), m.people[m.people.len() - 1].full());
    let mut introduced = vec![false; m.people.len()];
    while word_count(&t) < m.words.saturating_sub(80) {
        let s = rng.below(m.people.len() - 1);
        let _ = writeln!(t, "- {} {}", statement(rng, m, m.people[s], !introduced[s]), topic_sentence(rng, m));
        introduced[s] = true;
    }
    t.push_str("\nAction items\n");
    for _ in 0..rng.range(2, 4) {
        let p = m.people[rng.below(m.people.len() - 1)];
        let _ = writeln!(t, "- {}", action(rng, m, &p.full()));
    }
    let _ = writeln!(t, "- All members to review the full draft before the next call.\n\nNext call: {}, {} {} {}, {}:00 UTC", m.weekday, rng.range(1, 28), m.month, m.year, m.hour);
    t
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_text_and_lengths_like_the_corpus() {
        let lexicon = Lexicon::load(&[]).unwrap();
        let options = SynthOptions { docs: 12, seed: 7 };
        for i in 0..12 {
            let (name, text) = document(options, i, &lexicon);
            assert_eq!((name.clone(), text.clone()), document(options, i, &lexicon));
            let words = word_count(&text);
            assert!((900..=2400).contains(&words), "{name}: {words} words");
        }
        assert_ne!(document(options, 0, &lexicon).1, document(SynthOptions { docs: 12, seed: 8 }, 0, &lexicon).1);
    }
}
