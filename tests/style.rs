//! Native tests of the style table: its values, its agreement with the schema, and the chart drawn with it.

use entente::chart::{events_per_year, render_svg};
use entente::model::{ActorType, Kind, KindSet, Tone};
use entente::network::{Filter, Network};
use entente::style::{table, Theme, KINDS};
use serde_json::{json, Value};
use std::collections::BTreeSet;

const SCHEMA: &str = include_str!("../data/schema.json");

/// The page's `style()`, value by value: a colour moved to another row fails here.
#[test]
fn the_table_the_page_reads_holds_each_kind_tone_and_type_with_its_own_look() {
    let expected = json!({
        "kinds": [
            {"key": "defense", "label": "Defense", "bit": 1, "color": "#0063a6", "darkColor": "#5aa9e6", "dash": []},
            {"key": "diplomatic", "label": "Diplomatic", "bit": 2, "color": "#007a56", "darkColor": "#3cc08e", "dash": [7.0, 4.0]},
            {"key": "economic", "label": "Economic", "bit": 4, "color": "#b35c00", "darkColor": "#f0a04b", "dash": [2.0, 3.0]},
            {"key": "conflict", "label": "Conflict", "bit": 8, "color": "#c0162b", "darkColor": "#ff6b7a", "dash": [10.0, 3.0, 2.0, 3.0]}
        ],
        "tones": [
            {"key": "cooperative", "label": "Cooperative", "bit": 1},
            {"key": "strained", "label": "Strained", "bit": 2},
            {"key": "hostile", "label": "Hostile", "bit": 4}
        ],
        "types": [
            {"key": "state", "label": "State", "bit": 1, "shape": "circle", "fill": "#37474f", "darkFill": "#b0bec5"},
            {"key": "organization", "label": "Organization", "bit": 2, "shape": "square", "fill": "#6a3d9a", "darkFill": "#c3a6e8"},
            {"key": "armed-group", "label": "Armed group", "bit": 4, "shape": "triangle", "fill": "#8c2d04", "darkFill": "#f08a5d"}
        ]
    });
    assert_eq!(serde_json::to_value(table()).unwrap(), expected);
}

/// Each row's key is the name the format reads, and the schema lists the same names in the
/// same order: a kind added to the model but not to the table or the schema fails here.
#[test]
fn every_key_is_a_name_the_loader_and_the_schema_accept() {
    let schema: Value = serde_json::from_str(SCHEMA).unwrap();
    let names = |pointer: &str| -> Vec<String> {
        schema
            .pointer(pointer)
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{pointer} is not in data/schema.json"))
            .iter()
            .map(|v| v.as_str().unwrap().to_string())
            .collect()
    };
    let style = serde_json::to_value(table()).unwrap();
    let keys = |list: &str| -> Vec<String> {
        style[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["key"].as_str().unwrap().to_string())
            .collect()
    };
    let event = "/$defs/event/properties";
    assert_eq!(keys("kinds"), names(&format!("{event}/kind/enum")));
    assert_eq!(keys("tones"), names(&format!("{event}/tone/enum")));
    assert_eq!(keys("types"), names("/$defs/actor/properties/type/enum"));
    for (k, key) in keys("kinds").iter().enumerate() {
        let kind: Kind = serde_json::from_value(json!(key)).unwrap();
        assert_eq!((kind, kind as usize), (Kind::ALL[k], k));
    }
    for (t, key) in keys("tones").iter().enumerate() {
        let tone: Tone = serde_json::from_value(json!(key)).unwrap();
        assert_eq!(tone, Tone::ALL[t]);
    }
    for (t, key) in keys("types").iter().enumerate() {
        let actor_type: ActorType = serde_json::from_value(json!(key)).unwrap();
        assert_eq!(actor_type, ActorType::ALL[t]);
    }
}

#[test]
fn the_masks_are_every_bit_of_the_table_and_no_other() {
    let or = |bits: Vec<u8>| bits.into_iter().fold(0, |m, b| m | b);
    assert_eq!(KindSet::ALL.0, or(Kind::ALL.map(Kind::bit).to_vec()));
    assert_eq!(KindSet::ALL.iter().collect::<Vec<_>>(), Kind::ALL.to_vec());
    assert_eq!(Tone::MASK, or(Tone::ALL.map(Tone::bit).to_vec()));
    assert_eq!(
        ActorType::MASK,
        or(ActorType::ALL.map(ActorType::bit).to_vec())
    );
    let f = Filter::default();
    assert_eq!(
        (f.kinds, f.tones, f.actor_types),
        (KindSet::ALL, Tone::MASK, ActorType::MASK)
    );
    let distinct: BTreeSet<u8> = Kind::ALL.map(Kind::bit).into_iter().collect();
    assert_eq!(distinct.len(), Kind::COUNT);
}

/// A dataset of two actors and one tie with `count(kind)` events of each kind, in 2020 and 2021.
fn events_of(count: impl Fn(Kind) -> usize) -> Network {
    let mut events = Vec::new();
    for kind in Kind::ALL {
        for n in 0..count(kind) {
            let date = format!("{}-{:02}", 2020 + n % 2, 1 + n % 12);
            events.push(json!({
                "date": date, "kind": kind.as_str(), "tone": "cooperative",
                "summary": format!("{} event {n}", kind.as_str()),
                "sources": [{"outlet": "Dawn", "date": date}]
            }));
        }
    }
    let dataset = json!({
        "format": "entente/1", "title": "Kinds",
        "actors": [
            {"id": "PAK", "name": "Pakistan", "type": "state", "iso3": "PAK", "lat": 33.7, "lon": 73.1},
            {"id": "TUR", "name": "Turkey", "type": "state", "iso3": "TUR", "lat": 39.9, "lon": 32.9}
        ],
        "ties": [{"source": "PAK", "target": "TUR", "events": events}]
    });
    Network::from_json(&dataset.to_string()).unwrap()
}

/// Every colour written in an SVG document, as `#rrggbb` in lower case.
fn colours(svg: &str) -> BTreeSet<String> {
    let doc = roxmltree::Document::parse(svg).expect("the chart is well-formed XML");
    doc.descendants()
        .flat_map(|n| n.attributes())
        .filter(|a| a.value().starts_with('#'))
        .map(|a| a.value().to_ascii_lowercase())
        .collect()
}

/// A chart of one kind's events is drawn in that kind's colour and in no other kind's.
#[test]
fn a_chart_of_one_kind_is_drawn_in_that_kinds_colour_only() {
    for theme in [Theme::Light, Theme::Dark] {
        for kind in Kind::ALL {
            let net = events_of(|k| if k == kind { 3 } else { 0 });
            let counts = events_per_year(&net, &Filter::default());
            assert!(
                counts.counts.iter().any(|c| c[kind as usize] > 0),
                "{kind:?} has events"
            );
            let svg = render_svg(&counts, None, 480, 120, theme).unwrap();
            let drawn = colours(&svg);
            for row in &KINDS {
                let colour = row.colour(theme).to_string();
                assert_eq!(
                    drawn.contains(&colour),
                    row.kind == kind,
                    "{theme:?} chart of {kind:?} events and {} ({colour}): {drawn:?}",
                    row.label
                );
            }
        }
    }
}

/// Drawn with every kind at once, each kind's bar height follows its own count: the colour of
/// the `k`-th row is the colour of the `k`-th count.
#[test]
fn each_kind_of_the_chart_is_drawn_in_the_colour_of_its_row() {
    // 2, 4, 6, ... events of the kinds in order: no two kinds have the same count.
    let net = events_of(|k| 2 * (k as usize + 1));
    let counts = events_per_year(&net, &Filter::default());
    let svg = render_svg(&counts, None, 480, 240, Theme::Light).unwrap();
    let doc = roxmltree::Document::parse(&svg).unwrap();
    let mut height = [0.0f64; Kind::COUNT];
    for rect in doc.descendants().filter(|n| n.has_tag_name("rect")) {
        let fill = rect.attribute("fill").unwrap_or("").to_ascii_lowercase();
        if let Some(row) = KINDS.iter().find(|r| r.light.to_string() == fill) {
            height[row.kind as usize] += rect.attribute("height").unwrap().parse::<f64>().unwrap();
        }
    }
    let total = |k: usize| counts.counts.iter().map(|c| c[k]).sum::<u32>();
    let events: u32 = (0..Kind::COUNT).map(total).sum();
    let unit = height.iter().sum::<f64>() / f64::from(events);
    for kind in Kind::ALL {
        let k = kind as usize;
        let expected = f64::from(total(k)) * unit;
        assert!(
            (height[k] - expected).abs() <= counts.counts.len() as f64 + 1.0,
            "{kind:?}: {} px of bars for {} events, expected {expected}",
            height[k],
            total(k)
        );
    }
}
