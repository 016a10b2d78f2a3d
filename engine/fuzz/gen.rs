//! Seeded, structure-aware input generators: every input is a mutation of a real file
//! (the shipped sets, the 2022 appendix, the test fixtures), so most inputs get past the
//! parsers and reach validation, scoring, ranking and the messages.

use serde_json::Value;

/// SplitMix64: tiny, fast, and the same sequence for the same seed on every machine, so a
/// failure is reproduced by its target name, seed and input number.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

/// Numbers that have broken or could break the engine: the top of Decimal's range,
/// more than 28 digits, every separator convention, signs, exponents, units.
pub const NUMBERS: &[&str] = &[
    "0", "1", "-1", "-0", "0,5", "0.5", "625,30", "625.30", "1.000", "1.234,5", "1,234.5", "1.234.567", "12.5",
    "0.125", "750.004", "750,004", "99,995", "75", "50", "25", "100", "1000", "1000.01", "-4,00", "+5", "1e5",
    "79228162514264337593543950335", "79228162514264337593543950336", "7922816251426433759354395033.5",
    "-79228162514264337593543950335", "39614081257132168796771975168", "40000000000000000000000000000",
    "12345678901234567890123456.78", "99999999999999999999999999", "9999999999999999999999999999",
    "0.0000000000000000000000000001", "0.00000000000000000000000000001", "1.0000000000000000000000000001",
    "123456789012345678901234567.89", "1.5e-3", "NaN", "inf", " 12 ", "1 234", "625,3đ", "50%", "1,2,3", "1..2",
    ",5", "5,", ".5", "5.", "-", "--1", "", " ", "0x10", "٣", "１２", "1.23.4", "12.345.67", "0001.000", "1.0000",
];

/// Text fragments for names, ids and free text: case and tone-mark variants, formula
/// starts, separators, quotes, byte-order marks, very long values.
pub const WORDS: &[&str] = &[
    "Sở Du lịch", "SỞ DU LỊCH", "sở du lịch", "So Du lich", "Ban Tuyên giáo Tỉnh ủy", "Ban Tuyên giáo Tỉnh u\u{1ef7}",
    "=1+1", "=HYPERLINK(\"http://x\")", "+1", "-1", "@SUM(A1)", "\tx", "\rx", "'=1", ";", ",", "\"", "\"\"",
    "\u{feff}", "\u{0301}", "Nâng cao", "Khởi động", "Dẫn dắt", "Hình thành", "dan_dat", "co_tthc", "khong_tthc", "huyen",
    "a", "b", "1.1", "2.1", "", " ", "\n", "\r\n", "null", "<img src=x onerror=alert(1)>", "ÿ", "\u{0}", "\u{202e}",
];

pub fn long_text(rng: &mut Rng) -> String {
    let unit = *rng.pick(&["x", "Đ", "=", "9", "ủy ", ";", ","]);
    unit.repeat(1 + rng.below(300))
}

fn token(rng: &mut Rng) -> String {
    match rng.below(10) {
        0..=4 => (*rng.pick(NUMBERS)).to_owned(),
        5..=8 => (*rng.pick(WORDS)).to_owned(),
        _ => long_text(rng),
    }
}

/// Byte-level edits that keep the text mostly intact: delete, duplicate or replace a span,
/// insert a token, swap two lines, cut the end.
pub fn mutate_text(rng: &mut Rng, text: &str) -> String {
    let mut s = text.to_owned();
    for _ in 0..1 + rng.below(3) {
        if s.is_empty() {
            s.push_str(&token(rng));
            continue;
        }
        let at = floor_char(&s, rng.below(s.len() + 1));
        let end = floor_char(&s, (at + rng.below(16)).min(s.len()));
        match rng.below(7) {
            0 => s.replace_range(at..end, ""),
            1 => {
                let span = s[at..end].to_owned();
                s.insert_str(at, &span);
            }
            2 => s.replace_range(at..end, &token(rng)),
            3 => s.insert_str(at, &token(rng)),
            4 => {
                let mut lines: Vec<&str> = s.split('\n').collect();
                if lines.len() > 2 {
                    let (i, j) = (rng.below(lines.len()), rng.below(lines.len()));
                    lines.swap(i, j);
                }
                s = lines.join("\n");
            }
            5 => s.truncate(at),
            _ => {
                // A random byte as a char (may be a control character).
                let ch = char::from(rng.below(256) as u8);
                s.insert(at, ch);
            }
        }
    }
    s
}

fn floor_char(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Tree edits of a JSON document: numbers and strings swapped for hostile ones, keys
/// dropped, array items duplicated or dropped, types changed, nesting deepened.
pub fn mutate_json(rng: &mut Rng, value: &mut Value) {
    let edits = 1 + rng.below(4);
    for _ in 0..edits {
        let count = count_nodes(value);
        let target = rng.below(count);
        let mut seen = 0;
        edit_nth(rng, value, target, &mut seen);
    }
}

fn count_nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(count_nodes).sum(),
        Value::Object(o) => o.values().map(count_nodes).sum(),
        _ => 0,
    }
}

fn edit_nth(rng: &mut Rng, v: &mut Value, target: usize, seen: &mut usize) -> bool {
    if *seen == target {
        edit_node(rng, v);
        return true;
    }
    *seen += 1;
    match v {
        Value::Array(a) => a.iter_mut().any(|c| edit_nth(rng, c, target, seen)),
        Value::Object(o) => o.values_mut().any(|c| edit_nth(rng, c, target, seen)),
        _ => false,
    }
}

fn edit_node(rng: &mut Rng, v: &mut Value) {
    match v {
        Value::String(s) => {
            *s = match rng.below(4) {
                0 | 1 => (*rng.pick(NUMBERS)).to_owned(),
                2 => token(rng),
                _ => mutate_text(rng, s),
            }
        }
        Value::Array(a) if !a.is_empty() => match rng.below(4) {
            0 => {
                let i = rng.below(a.len());
                let item = a[i].clone();
                let times = if rng.chance(8) { 1 + rng.below(50) } else { 1 };
                for _ in 0..times {
                    a.insert(i, item.clone());
                }
            }
            1 => {
                a.remove(rng.below(a.len()));
            }
            2 => {
                let (i, j) = (rng.below(a.len()), rng.below(a.len()));
                a.swap(i, j);
            }
            _ => a.truncate(rng.below(a.len() + 1)),
        },
        Value::Object(o) if !o.is_empty() => {
            let keys: Vec<String> = o.keys().cloned().collect();
            let key = rng.pick(&keys).clone();
            match rng.below(4) {
                0 => {
                    o.remove(&key);
                }
                1 => {
                    o.insert(key, scalar(rng));
                }
                2 => {
                    // Same value under another key (e.g. a second entry for an indicator).
                    let value = o[&key].clone();
                    o.insert(format!("{key}{}", token(rng)), value);
                }
                _ => {
                    let inner = o[&key].clone();
                    o.insert(key, Value::Array(vec![inner]));
                }
            }
        }
        _ => *v = scalar(rng),
    }
}

fn scalar(rng: &mut Rng) -> Value {
    match rng.below(8) {
        0 => Value::Null,
        1 => Value::Bool(rng.chance(2)),
        2 => serde_json::json!(1.0),
        3 => serde_json::json!(rng.next() as i64),
        4 => serde_json::json!(f64::from(rng.below(1000) as u32) / 7.0),
        5 => Value::Array(vec![]),
        6 => Value::Object(serde_json::Map::new()),
        _ => Value::String((*rng.pick(NUMBERS)).to_owned()),
    }
}

/// JSON text for a mutated tree: pretty (line numbers matter) or compact, sometimes
/// with byte-level damage on top, sometimes nested very deep.
pub fn render_json(rng: &mut Rng, value: &Value) -> String {
    let text = if rng.chance(2) { serde_json::to_string_pretty(value) } else { serde_json::to_string(value) }.unwrap_or_default();
    match rng.below(12) {
        0 | 1 => mutate_text(rng, &text),
        2 => {
            let depth = 1 + rng.below(300);
            format!("{}{text}{}", "[".repeat(depth), "]".repeat(depth))
        }
        3 => text.replace('\n', "\r\n"),
        _ => text,
    }
}

/// A CSV table as Excel or a person might save it: separators, decimal commas, CRLF,
/// blank lines, a byte-order mark, quoted or bare fields, cells swapped for hostile ones,
/// rows duplicated under another spelling.
pub fn mutate_csv(rng: &mut Rng, seed: &[Vec<String>]) -> String {
    let mut rows: Vec<Vec<String>> = seed.to_vec();
    if rows.is_empty() {
        return token(rng);
    }
    for _ in 0..1 + rng.below(4) {
        let r = rng.below(rows.len());
        match rng.below(9) {
            0 | 1 => {
                if let Some(cell) = pick_cell(rng, &mut rows[r]) {
                    *cell = (*rng.pick(NUMBERS)).to_owned();
                }
            }
            2 => {
                if let Some(cell) = pick_cell(rng, &mut rows[r]) {
                    *cell = token(rng);
                }
            }
            3 => {
                // The same agency again, under another case or tone-mark spelling.
                let mut copy = rows[r].clone();
                if let Some(cell) = copy.iter_mut().find(|c| c.chars().any(char::is_alphabetic) && c.contains(' ')) {
                    *cell = if rng.chance(2) { cell.to_uppercase() } else { cell.to_lowercase() };
                }
                rows.insert(rng.below(rows.len() + 1), copy);
            }
            4 => {
                if rows.len() > 1 {
                    rows.remove(1 + rng.below(rows.len() - 1));
                }
            }
            5 => {
                let row = rows[r].clone();
                rows.push(row);
            }
            6 => {
                if let Some(cell) = pick_cell(rng, &mut rows[r]) {
                    *cell = mutate_text(rng, cell);
                }
            }
            7 => {
                let keep = rng.below(rows[r].len() + 1);
                rows[r].truncate(keep);
            }
            _ => {
                if rows.len() > 2 {
                    let (i, j) = (1 + rng.below(rows.len() - 1), 1 + rng.below(rows.len() - 1));
                    rows.swap(i, j);
                }
            }
        }
    }
    let excel = rng.chance(3);
    let sep = if excel { ';' } else if rng.chance(12) { '\t' } else { ',' };
    let eol = if rng.chance(3) { "\r\n" } else { "\n" };
    let mut out = String::new();
    if excel || rng.chance(8) {
        out.push('\u{feff}');
    }
    for (i, row) in rows.iter().enumerate() {
        let cells: Vec<String> = row
            .iter()
            .map(|c| {
                // Excel in a Vietnamese locale writes decimal commas.
                let c = if excel && i > 0 && c.bytes().all(|b| b.is_ascii_digit() || b == b'.') { c.replace('.', ",") } else { c.clone() };
                if c.contains([sep, '"', '\n', '\r']) || rng.chance(6) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c
                }
            })
            .collect();
        out.push_str(&cells.join(&sep.to_string()));
        out.push_str(eol);
        if rng.chance(20) {
            out.push_str(eol);
        }
    }
    if rng.chance(10) {
        out = mutate_text(rng, &out);
    }
    out
}

fn pick_cell<'a>(rng: &mut Rng, row: &'a mut [String]) -> Option<&'a mut String> {
    if row.is_empty() {
        return None;
    }
    let i = rng.below(row.len());
    row.get_mut(i)
}

/// Splits a comma CSV with quoted fields (the seed files): enough for mutation.
pub fn parse_simple_csv(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    reader.records().filter_map(Result::ok).map(|r| r.iter().map(str::to_owned).collect()).collect()
}
