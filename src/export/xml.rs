//! Escaping for the XML writers, so every text reads back exactly: markup characters as
//! entities, and tabs and line breaks as character references (which parsers keep).

/// `value` escaped for an attribute in double quotes.
pub(crate) fn attr(value: &str) -> String {
    escape(value, true)
}

/// `value` escaped as element text.
pub(crate) fn text(value: &str) -> String {
    escape(value, false)
}

fn escape(value: &str, in_attr: bool) -> String {
    let mut out = String::with_capacity(value.len());
    for c in value.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if in_attr => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' if in_attr => out.push_str("&#10;"),
            '\t' if in_attr => out.push_str("&#9;"),
            c => out.push(c),
        }
    }
    out
}

/// The first day a date stands for, as `YYYY-MM-DD` (GEXF's `date` time format).
pub(crate) fn first_day(date: crate::date::Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month().unwrap_or(1),
        date.day().unwrap_or(1)
    )
}

/// The fields an event is written with as GEXF attributes or GraphML data, in key order;
/// `None` for an empty optional field. Lists (sources, figures, people) are JSON text.
pub(crate) fn event_fields(
    e: &crate::model::Event,
) -> Result<[(&'static str, Option<String>); 11], serde_json::Error> {
    let list = |empty: bool, json: serde_json::Result<String>| (!empty).then_some(json).transpose();
    Ok([
        ("date", Some(e.date.to_string())),
        ("end", e.end.map(|d| d.to_string())),
        ("kind", Some(e.kind.as_str().to_string())),
        ("tone", Some(e.tone.as_str().to_string())),
        ("summary", Some(e.summary.clone())),
        ("sources", Some(serde_json::to_string(&e.sources)?)),
        (
            "figures",
            list(e.figures.is_empty(), serde_json::to_string(&e.figures))?,
        ),
        (
            "people",
            list(e.people.is_empty(), serde_json::to_string(&e.people))?,
        ),
        ("note", e.note.clone()),
        ("assessment", e.assessment.then(|| "true".to_string())),
        ("added", e.added.map(|d| d.to_string())),
    ])
}

#[cfg(test)]
mod tests {
    #[test]
    fn markup_and_line_breaks_are_escaped() {
        assert_eq!(
            super::attr("a<b & \"c\"\n\td"),
            "a&lt;b &amp; &quot;c&quot;&#10;&#9;d"
        );
        assert_eq!(super::text("x\r\ny"), "x&#13;\ny");
    }
}
