//! The source dataset an event came from: the dataset itself, or a file an event reader added.

use crate::model::Event;

/// The names the event readers give their datasets. An imported event's sources are titled
/// "<name>: <file>" ("SIPRI trade register: transfers.csv"), which every export keeps.
pub const READERS: [&str; 5] = [
    "GDELT 1.0",
    "GDELT 2.0",
    "ICEWS",
    "SIPRI trade register",
    "Correlates of War",
];

/// The source dataset of `e`: the title of its first source that an event reader wrote, or ""
/// for the dataset's own events.
pub fn of(e: &Event) -> &str {
    e.sources
        .iter()
        .filter_map(|s| s.title.as_deref())
        .find(|title| is_reader_title(title))
        .unwrap_or("")
}

fn is_reader_title(title: &str) -> bool {
    READERS.iter().any(|r| {
        title
            .strip_prefix(r)
            .is_some_and(|rest| rest.starts_with(": "))
    })
}

/// Each source dataset of `events` with its number of events, the dataset's own ("") first and
/// then the others by name.
pub fn count<'a>(events: impl Iterator<Item = &'a Event>) -> Vec<(&'a str, usize)> {
    // The dataset's own first, then the others kept in name order as they come (a search, no
    // sort: a sort would be one more in the page's core module).
    let mut out: Vec<(&str, usize)> = vec![("", 0)];
    for e in events {
        let name = of(e);
        if name.is_empty() {
            out[0].1 += 1;
            continue;
        }
        let at = 1 + out[1..].partition_point(|(n, _)| *n < name);
        match out.get_mut(at) {
            Some(row) if row.0 == name => row.1 += 1,
            _ => out.insert(at, (name, 1)),
        }
    }
    if out[0].1 == 0 {
        out.remove(0);
    }
    out
}
