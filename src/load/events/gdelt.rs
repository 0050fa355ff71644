//! GDELT 1.0 (57 or 58 columns, mixed in one file), GDELT 2.0 (61 columns), both without a
//! header, and ICEWS (a header, `NA` for missing values): tab-separated CAMEO-coded events.

use super::mapping::quad_class_of_root;
use super::sink::{Named, Sink};
use super::{EventFormat, Lines};
use crate::date::Date;

/// The columns of ICEWS the reader uses, found by the header's names.
#[derive(Debug, Clone, Copy)]
struct IcewsColumns {
    date: usize,
    source: usize,
    target: usize,
    code: usize,
    intensity: Option<usize>,
    publisher: Option<usize>,
    count: usize,
}

pub struct Tabbed {
    format: EventFormat,
    icews: Option<IcewsColumns>,
}

impl Tabbed {
    pub fn new(format: EventFormat) -> Tabbed {
        Tabbed {
            format,
            icews: None,
        }
    }
}

/// At most this many cells of a row are looked at.
const CELLS: usize = 64;

impl Lines for Tabbed {
    fn line(&mut self, no: usize, line: &str, sink: &mut Sink) {
        if line.trim().is_empty() {
            return;
        }
        let mut cells = [""; CELLS];
        let mut n = 0;
        for cell in line.split('\t') {
            if n < CELLS {
                cells[n] = cell;
            }
            n += 1;
        }
        match self.format {
            EventFormat::Icews => self.icews(no, &cells, n, sink),
            _ => gdelt(self.format, no, &cells, n, sink),
        }
    }

    fn end(&mut self, _: &mut Sink) {}

    /// GDELT rows are split as bytes and only the cells read are checked as UTF-8 (Latin-1
    /// otherwise): a tab is never part of a multi-byte character.
    fn raw(&mut self, no: usize, raw: &[u8], sink: &mut Sink) {
        if self.format == EventFormat::Icews {
            return match std::str::from_utf8(raw) {
                Ok(text) => self.line(no, text, sink),
                Err(_) => self.line(no, &super::latin1(raw), sink),
            };
        }
        if raw.iter().all(u8::is_ascii_whitespace) {
            return;
        }
        // A plain loop over the bytes: the cells are short, and a call per cell costs more.
        let mut cells: [&[u8]; CELLS] = [&[]; CELLS];
        let mut n = 0;
        let mut start = 0;
        for (i, &b) in raw.iter().enumerate() {
            if b == b'\t' {
                if n < CELLS {
                    cells[n] = &raw[start..i];
                }
                n += 1;
                start = i + 1;
            }
        }
        if n < CELLS {
            cells[n] = &raw[start..];
        }
        n += 1;
        let checked: [Result<&str, String>; READ.len()] =
            READ.map(|i| std::str::from_utf8(cells[i]).map_err(|_| super::latin1(cells[i])));
        let mut text = [""; CELLS];
        for (k, &i) in READ.iter().enumerate() {
            text[i] = match &checked[k] {
                Ok(s) => s,
                Err(latin) => latin,
            };
        }
        gdelt(self.format, no, &text, n, sink);
    }
}

/// The cells of a GDELT row that are read: the day, both actors' country codes, the event code,
/// QuadClass, Goldstein, and the source address (1.0, 2.0).
const READ: [usize; 8] = [1, 7, 17, 26, 29, 30, 57, 60];

fn gdelt(format: EventFormat, no: usize, c: &[&str; CELLS], n: usize, sink: &mut Sink) {
    sink.row();
    let url = match (format, n) {
        (EventFormat::Gdelt1, 57) => None,
        (EventFormat::Gdelt1, 58) => Some(c[57]),
        (EventFormat::Gdelt2, 61) => Some(c[60]),
        (EventFormat::Gdelt1, _) => {
            return sink.bad(no, format!("{n} columns; GDELT 1.0 rows have 57 or 58"))
        }
        _ => return sink.bad(no, format!("{n} columns; GDELT 2.0 rows have 61")),
    };
    let Some(day) = compact_date(c[1]) else {
        return sink.bad(no, format!("\"{}\" is not a date (YYYYMMDD)", c[1]));
    };
    let (a, b) = (c[7].trim(), c[17].trim());
    if a.is_empty() || b.is_empty() {
        return sink.one_sided();
    }
    let code = c[26].trim();
    if code.len() < 2 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return sink.bad(no, format!("\"{code}\" is not a CAMEO event code"));
    }
    let quad = c[29].trim().parse().ok();
    let goldstein = c[30].trim().parse().ok().filter(|g: &f64| g.is_finite());
    let (a, b) = (sink.actor(Named::Name(a)), sink.actor(Named::Name(b)));
    let url = url.map(str::trim).filter(|u| !u.is_empty());
    sink.coded(no, (a, b), day, code, quad, goldstein, (url, None));
}

impl Tabbed {
    fn icews(&mut self, no: usize, c: &[&str; CELLS], n: usize, sink: &mut Sink) {
        let Some(cols) = self.icews else {
            let find = |name: &str| c[..n.min(CELLS)].iter().position(|h| h.trim() == name);
            match (
                find("Event Date"),
                find("Source Country"),
                find("Target Country"),
                find("CAMEO Code"),
            ) {
                (Some(date), Some(source), Some(target), Some(code)) => {
                    self.icews = Some(IcewsColumns {
                        date,
                        source,
                        target,
                        code,
                        intensity: find("Intensity"),
                        publisher: find("Publisher"),
                        count: n,
                    });
                }
                _ => {
                    sink.row();
                    sink.bad(
                        no,
                        "the header lacks Event Date, Source Country, Target Country or CAMEO Code",
                    );
                }
            }
            return;
        };
        sink.row();
        if n != cols.count {
            return sink.bad(no, format!("{n} columns; the header has {}", cols.count));
        }
        fn na(s: &str) -> Option<&str> {
            let s = s.trim();
            (!s.is_empty() && s != "NA").then_some(s)
        }
        let Some(day) = na(c[cols.date]).and_then(|d| d.parse::<Date>().ok()) else {
            return sink.bad(
                no,
                format!("\"{}\" is not a date (YYYY-MM-DD)", c[cols.date]),
            );
        };
        let (Some(a), Some(b)) = (na(c[cols.source]), na(c[cols.target])) else {
            return sink.one_sided();
        };
        let Some(code) = na(c[cols.code]) else {
            return sink.bad(no, "no CAMEO code");
        };
        if !(2..=4).contains(&code.len()) || !code.bytes().all(|b| b.is_ascii_digit()) {
            return sink.bad(no, format!("\"{code}\" is not a CAMEO event code"));
        }
        let code = cameo_code(code);
        let root: u8 = code[..2].parse().unwrap_or(0);
        let intensity = cols
            .intensity
            .and_then(|i| na(c[i]))
            .and_then(|v| v.parse().ok())
            .filter(|g: &f64| g.is_finite());
        let outlet = cols.publisher.and_then(|i| na(c[i]));
        let (a, b) = (sink.actor(Named::Name(a)), sink.actor(Named::Name(b)));
        let quad = quad_class_of_root(root);
        sink.coded(no, (a, b), day, &code, quad, intensity, (None, outlet));
    }
}

/// A CAMEO code as ICEWS may write it, as a number without its leading zero (`43` for `043`,
/// `231` for `0231`). CAMEO event codes have three or four digits, so a code of two digits lost
/// its zero (`10` is `010`, make a statement, not root 10), and so did a code of three whose
/// first two digits are no root (01–20). Any other code is kept (one not in the mapping makes a
/// bad row that names it).
fn cameo_code(code: &str) -> String {
    let root: u32 = code.get(..2).and_then(|r| r.parse().ok()).unwrap_or(0);
    if code.len() == 2 || (code.len() == 3 && root > 20) {
        format!("0{code}")
    } else {
        code.to_string()
    }
}

/// `20210603` as a day.
fn compact_date(s: &str) -> Option<Date> {
    let s = s.trim();
    if s.len() != 8 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Date::ymd(
        s[..4].parse().ok()?,
        s[4..6].parse().ok()?,
        s[6..].parse().ok()?,
    )
}
