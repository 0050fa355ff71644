//! GraphML for yEd, Cytoscape, NetworkX and igraph: actors as nodes, one edge per event, every
//! field as a declared `<key>`; title, description, provenance and the `edited` day as graph data.

use super::xml::{attr, event_fields, text};
use crate::model::Dataset;
use std::fmt::Write;

/// Keys: id (also the attribute name), what they are for, and their type.
const KEYS: [(&str, &str, &str); 22] = [
    ("title", "graph", "string"),
    ("description", "graph", "string"),
    ("provenance", "graph", "string"),
    ("edited", "graph", "string"),
    ("label", "node", "string"),
    ("type", "node", "string"),
    ("iso3", "node", "string"),
    ("lat", "node", "double"),
    ("lon", "node", "double"),
    ("base", "node", "string"),
    ("short", "node", "string"),
    ("date", "edge", "string"),
    ("end", "edge", "string"),
    ("kind", "edge", "string"),
    ("tone", "edge", "string"),
    ("summary", "edge", "string"),
    ("sources", "edge", "string"),
    ("figures", "edge", "string"),
    ("people", "edge", "string"),
    ("note", "edge", "string"),
    ("assessment", "edge", "boolean"),
    ("added", "edge", "string"),
];

fn data(out: &mut String, indent: &str, values: &[(&str, Option<String>)]) {
    for (key, value) in values {
        if let Some(v) = value {
            let _ = writeln!(out, "{indent}<data key=\"{key}\">{}</data>", text(v));
        }
    }
}

/// The dataset as a GraphML document.
pub(crate) fn write_graphml(d: &Dataset) -> Result<String, serde_json::Error> {
    let mut out = String::with_capacity(1024 + 600 * d.ties.len());
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (id, domain, kind) in KEYS {
        let _ = writeln!(
            out,
            "  <key id=\"{id}\" for=\"{domain}\" attr.name=\"{id}\" attr.type=\"{kind}\"/>"
        );
    }
    out.push_str("  <graph id=\"G\" edgedefault=\"undirected\">\n");
    let provenance = d
        .provenance
        .as_ref()
        .map(serde_json::to_string)
        .transpose()?;
    data(
        &mut out,
        "    ",
        &[
            ("title", Some(d.title.clone())),
            ("description", d.description.clone()),
            ("provenance", provenance),
            ("edited", d.edited.map(|day| day.to_string())),
        ],
    );
    for a in &d.actors {
        let _ = writeln!(out, "    <node id=\"{}\">", attr(&a.id));
        data(
            &mut out,
            "      ",
            &[
                ("label", Some(a.name.clone())),
                ("type", Some(a.actor_type.as_str().to_string())),
                ("iso3", a.iso3.clone()),
                ("lat", Some(a.lat.to_string())),
                ("lon", Some(a.lon.to_string())),
                ("base", a.base.clone()),
                ("short", a.short.clone()),
            ],
        );
        out.push_str("    </node>\n");
    }
    let mut n = 0;
    for t in &d.ties {
        for e in &t.events {
            let _ = writeln!(
                out,
                "    <edge id=\"e{n}\" source=\"{}\" target=\"{}\">",
                attr(&t.source),
                attr(&t.target)
            );
            n += 1;
            data(&mut out, "      ", &event_fields(e)?);
            out.push_str("    </edge>\n");
        }
    }
    out.push_str("  </graph>\n</graphml>\n");
    Ok(out)
}
