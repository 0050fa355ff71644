//! GEXF 1.3 for Gephi and other graph tools: actors as nodes (type, iso3, lat, lon, base, short as
//! attributes; the map point as `viz:position`), one undirected edge per event with its kind,
//! tone, summary and sources as attributes and its date (and a lasting event's end) as a spell;
//! Entente's provenance and `edited` day in the meta element.

use super::xml::{attr, event_fields, first_day, text};
use crate::model::Dataset;
use std::fmt::Write;

const NODE_ATTRIBUTES: [(&str, &str); 6] = [
    ("type", "string"),
    ("iso3", "string"),
    ("lat", "double"),
    ("lon", "double"),
    ("base", "string"),
    ("short", "string"),
];

const EDGE_ATTRIBUTES: [(&str, &str); 11] = [
    ("date", "string"),
    ("end", "string"),
    ("kind", "string"),
    ("tone", "string"),
    ("summary", "string"),
    ("sources", "string"),
    ("figures", "string"),
    ("people", "liststring"),
    ("note", "string"),
    ("assessment", "boolean"),
    ("added", "string"),
];

fn declare(out: &mut String, class: &str, attributes: &[(&str, &str)]) {
    let _ = writeln!(out, "    <attributes class=\"{class}\" mode=\"static\">");
    for (id, kind) in attributes {
        let _ = writeln!(
            out,
            "      <attribute id=\"{id}\" title=\"{id}\" type=\"{kind}\"/>"
        );
    }
    out.push_str("    </attributes>\n");
}

fn values(out: &mut String, values: &[(&str, Option<String>)]) {
    out.push_str("        <attvalues>\n");
    for (id, value) in values {
        if let Some(v) = value {
            let _ = writeln!(
                out,
                "          <attvalue for=\"{id}\" value=\"{}\"/>",
                attr(v)
            );
        }
    }
    out.push_str("        </attvalues>\n");
}

/// The dataset as a GEXF 1.3 document.
pub(crate) fn write_gexf(d: &Dataset) -> Result<String, serde_json::Error> {
    let mut out = String::with_capacity(512 + 600 * d.ties.len());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" xmlns:entente=\"https://entente.invalid/gexf\" version=\"1.3\">\n");
    out.push_str("  <meta>\n    <creator>Entente</creator>\n");
    let _ = writeln!(out, "    <title>{}</title>", text(&d.title));
    if let Some(desc) = &d.description {
        let _ = writeln!(out, "    <description>{}</description>", text(desc));
    }
    if let Some(p) = &d.provenance {
        let json = serde_json::to_string(p)?;
        let _ = writeln!(
            out,
            "    <entente:provenance>{}</entente:provenance>",
            text(&json)
        );
    }
    if let Some(day) = d.edited {
        let _ = writeln!(out, "    <entente:edited>{day}</entente:edited>");
    }
    out.push_str("  </meta>\n");
    out.push_str("  <graph defaultedgetype=\"undirected\" mode=\"dynamic\" timeformat=\"date\">\n");
    declare(&mut out, "node", &NODE_ATTRIBUTES);
    declare(&mut out, "edge", &EDGE_ATTRIBUTES);
    out.push_str("    <nodes>\n");
    for a in &d.actors {
        let _ = writeln!(
            out,
            "      <node id=\"{}\" label=\"{}\">",
            attr(&a.id),
            attr(&a.name)
        );
        values(
            &mut out,
            &[
                ("type", Some(a.actor_type.as_str().to_string())),
                ("iso3", a.iso3.clone()),
                ("lat", Some(a.lat.to_string())),
                ("lon", Some(a.lon.to_string())),
                ("base", a.base.clone()),
                ("short", a.short.clone()),
            ],
        );
        let _ = writeln!(
            out,
            "        <viz:position x=\"{}\" y=\"{}\" z=\"0.0\"/>",
            a.lon, a.lat
        );
        out.push_str("      </node>\n");
    }
    out.push_str("    </nodes>\n    <edges>\n");
    let mut n = 0;
    for t in &d.ties {
        for e in &t.events {
            let _ = writeln!(
                out,
                "      <edge id=\"{n}\" source=\"{}\" target=\"{}\">",
                attr(&t.source),
                attr(&t.target)
            );
            n += 1;
            values(&mut out, &event_fields(e)?);
            let end = e
                .end
                .map(|d| format!(" end=\"{}\"", d.last_day()))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "        <spells>\n          <spell start=\"{}\"{end}/>\n        </spells>",
                first_day(e.date)
            );
            out.push_str("      </edge>\n");
        }
    }
    out.push_str("    </edges>\n  </graph>\n</gexf>\n");
    Ok(out)
}
