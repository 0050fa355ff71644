//! Importing CSV, GEXF and GraphML: each good fixture reads as expected, and every bad one is
//! refused with its file, line, column, record and reason.

use entente::error::ErrorKind;
use entente::load::{import, ImportError, Imported, InputFile, NoticeKind};
use entente::model::{ActorType, Kind, Tone};
use std::path::Path;

fn fixture(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn read(paths: &[&str]) -> Result<Imported, ImportError> {
    let texts: Vec<String> = paths.iter().map(|p| fixture(p)).collect();
    let files: Vec<InputFile> = paths
        .iter()
        .zip(&texts)
        .map(|(p, t)| InputFile {
            name: p.rsplit('/').next().unwrap(),
            text: t,
        })
        .collect();
    import(&files, "2026-01-01".parse().unwrap())
}

/// Each bad input: its files, the file the error names, the kind, line, column, record path
/// and a piece of the message.
type Bad = (
    &'static [&'static str],
    &'static str,
    ErrorKind,
    usize,
    usize,
    &'static str,
    &'static str,
);

const BAD: &[Bad] = &[
    // CSV: the events file.
    (
        &["csv/bad_date.csv"],
        "bad_date.csv",
        ErrorKind::BadDate,
        3,
        3,
        "date",
        "\"03/2021\" is not a date: expected YYYY, YYYY-MM or YYYY-MM-DD",
    ),
    (
        &["csv/impossible_date.csv"],
        "impossible_date.csv",
        ErrorKind::BadDate,
        4,
        3,
        "date",
        "\"2021-02-30\" is not a day in the calendar",
    ),
    (
        &["csv/bad_outlet_date.csv"],
        "bad_outlet_date.csv",
        ErrorKind::BadDate,
        2,
        8,
        "outlet_date",
        "\"17 March\" is not a date",
    ),
    (
        &["csv/bad_kind.csv"],
        "bad_kind.csv",
        ErrorKind::Field,
        3,
        4,
        "kind",
        "\"militry\" is not one of defense, diplomatic, economic, conflict",
    ),
    (
        &["csv/bad_tone.csv"],
        "bad_tone.csv",
        ErrorKind::Field,
        4,
        5,
        "tone",
        "\"angry\" is not one of cooperative, strained, hostile",
    ),
    (
        &["csv/empty_source.csv"],
        "empty_source.csv",
        ErrorKind::EmptyText,
        3,
        1,
        "source",
        "must not be empty",
    ),
    (
        &["csv/bad_figures.csv"],
        "bad_figures.csv",
        ErrorKind::Field,
        2,
        9,
        "figures",
        "not a JSON list of {\"value\", \"unit\", \"what\"}",
    ),
    (
        &["csv/unequal_row.csv"],
        "unequal_row.csv",
        ErrorKind::Syntax,
        3,
        1,
        "",
        "the row has 5 cells; the header has 8",
    ),
    (
        &["csv/long_summary.csv"],
        "long_summary.csv",
        ErrorKind::TooLarge,
        4,
        6,
        "summary",
        "1099 characters long; the limit is 1000",
    ),
    (
        &["csv/no_target_column.csv"],
        "no_target_column.csv",
        ErrorKind::Field,
        1,
        1,
        "",
        "an events file needs the columns source, target; this file has source, date, kind",
    ),
    (
        &["csv/header_only.csv"],
        "header_only.csv",
        ErrorKind::Empty,
        2,
        1,
        "",
        "a header but no rows",
    ),
    // CSV: the actors file, and the pair.
    (
        &["csv/pair.events.csv", "csv/bad_type.actors.csv"],
        "bad_type.actors.csv",
        ErrorKind::Field,
        4,
        3,
        "type",
        "\"militia\" is not one of state, organization, armed-group",
    ),
    (
        &["csv/bad_lat.actors.csv", "csv/pair.events.csv"],
        "bad_lat.actors.csv",
        ErrorKind::Field,
        3,
        5,
        "lat",
        "\"north\" is not a number",
    ),
    (
        &["csv/pair.events.csv", "csv/lat_out_of_range.actors.csv"],
        "lat_out_of_range.actors.csv",
        ErrorKind::OutOfRange,
        3,
        5,
        "lat",
        "139.93 is outside -90..90",
    ),
    (
        &["csv/pair.events.csv", "csv/duplicate.actors.csv"],
        "duplicate.actors.csv",
        ErrorKind::DuplicateActor,
        4,
        1,
        "id",
        "\"PAK\" is already the id of the actor on line 2",
    ),
    (
        &["csv/pair.events.csv", "csv/iso3_on_group.actors.csv"],
        "iso3_on_group.actors.csv",
        ErrorKind::Field,
        4,
        4,
        "iso3",
        "only a state has an ISO 3166 code",
    ),
    (
        &["csv/pair.events.csv", "csv/no_id_column.actors.csv"],
        "no_id_column.actors.csv",
        ErrorKind::Field,
        1,
        1,
        "",
        "an actors file needs the columns id",
    ),
    (
        &["csv/unknown_actor.events.csv", "csv/pair.actors.csv"],
        "unknown_actor.events.csv",
        ErrorKind::UnknownActor,
        4,
        2,
        "target",
        "no actor in pair.actors.csv has the id \"PKA\"",
    ),
    // GEXF.
    (
        &["gexf/not_well_formed.gexf"],
        "not_well_formed.gexf",
        ErrorKind::Syntax,
        35,
        9,
        "",
        "expected `</attvalues>`, but `</attvalue>` was found",
    ),
    (
        &["gexf/truncated.gexf"],
        "truncated.gexf",
        ErrorKind::Syntax,
        37,
        1,
        "",
        "the file ends before <nodes> (opened at line 21, column 5) is closed",
    ),
    (
        &["gexf/two_roots.gexf"],
        "two_roots.gexf",
        ErrorKind::Syntax,
        65,
        1,
        "",
        "follows the end of the root element",
    ),
    (
        &["gexf/unknown_entity.gexf"],
        "unknown_entity.gexf",
        ErrorKind::Syntax,
        30,
        7,
        "",
        "the attribute label of <node>",
    ),
    (
        &["gexf/wrong_root.gexf"],
        "wrong_root.gexf",
        ErrorKind::UnknownFileType,
        2,
        1,
        "",
        "the root element is <network>",
    ),
    (
        &["gexf/no_graph.gexf"],
        "no_graph.gexf",
        ErrorKind::Field,
        1,
        1,
        "",
        "the file has no <graph> element",
    ),
    (
        &["gexf/empty_graph.gexf"],
        "empty_graph.gexf",
        ErrorKind::Empty,
        3,
        3,
        "graph",
        "the graph has no nodes",
    ),
    (
        &["gexf/node_without_id.gexf"],
        "node_without_id.gexf",
        ErrorKind::Field,
        30,
        7,
        "nodes[1].id",
        "a <node> needs the attribute id",
    ),
    (
        &["gexf/edge_without_target.gexf"],
        "edge_without_target.gexf",
        ErrorKind::Field,
        55,
        7,
        "edges[1].target",
        "a <edge> needs the attribute target",
    ),
    (
        &["gexf/unknown_node.gexf"],
        "unknown_node.gexf",
        ErrorKind::UnknownActor,
        55,
        7,
        "edges[1].target",
        "no node has the id \"PKA\"",
    ),
    (
        &["gexf/duplicate_node.gexf"],
        "duplicate_node.gexf",
        ErrorKind::DuplicateActor,
        37,
        7,
        "nodes[2].id",
        "\"PAK\" is already the id of nodes[0]",
    ),
    (
        &["gexf/undeclared.gexf"],
        "undeclared.gexf",
        ErrorKind::Undeclared,
        58,
        11,
        "edges[1].attvalues",
        "\"weight\" is not declared in <attributes class=\"edge\">",
    ),
    (
        &["gexf/bad_lat.gexf"],
        "bad_lat.gexf",
        ErrorKind::Field,
        30,
        7,
        "nodes[1].lat",
        "\"north\" is not a number",
    ),
    (
        &["gexf/lat_out_of_range.gexf"],
        "lat_out_of_range.gexf",
        ErrorKind::OutOfRange,
        30,
        7,
        "nodes[1].lat",
        "139.93 is outside -90..90",
    ),
    (
        &["gexf/iso3_on_group.gexf"],
        "iso3_on_group.gexf",
        ErrorKind::Field,
        37,
        7,
        "nodes[2].iso3",
        "only a state has an ISO 3166 code",
    ),
    (
        &["gexf/bad_sources.gexf"],
        "bad_sources.gexf",
        ErrorKind::Field,
        56,
        7,
        "edges[1].sources",
        "not a JSON list of {\"outlet\", \"date\"}",
    ),
    (
        &["gexf/bad_provenance.gexf"],
        "bad_provenance.gexf",
        ErrorKind::Field,
        6,
        5,
        "provenance",
        "missing field \"publication\"",
    ),
    // GraphML.
    (
        &["graphml/not_well_formed.graphml"],
        "not_well_formed.graphml",
        ErrorKind::Syntax,
        25,
        28,
        "",
        "expected `</data>`, but `</dat>` was found",
    ),
    (
        &["graphml/truncated.graphml"],
        "truncated.graphml",
        ErrorKind::Syntax,
        42,
        1,
        "",
        "the file ends before <graph> (opened at line 17, column 3) is closed",
    ),
    (
        &["graphml/no_graph.graphml"],
        "no_graph.graphml",
        ErrorKind::Field,
        1,
        1,
        "",
        "the file has no <graph> element",
    ),
    (
        &["graphml/node_without_id.graphml"],
        "node_without_id.graphml",
        ErrorKind::Field,
        29,
        5,
        "nodes[2].id",
        "a <node> needs the attribute id",
    ),
    (
        &["graphml/edge_without_source.graphml"],
        "edge_without_source.graphml",
        ErrorKind::Field,
        42,
        5,
        "edges[1].source",
        "a <edge> needs the attribute source",
    ),
    (
        &["graphml/unknown_node.graphml"],
        "unknown_node.graphml",
        ErrorKind::UnknownActor,
        42,
        5,
        "edges[1].target",
        "no node has the id \"OTAN\"",
    ),
    (
        &["graphml/duplicate_node.graphml"],
        "duplicate_node.graphml",
        ErrorKind::DuplicateActor,
        29,
        5,
        "nodes[2].id",
        "\"TUR\" is already the id of nodes[1]",
    ),
    (
        &["graphml/undeclared_key.graphml"],
        "undeclared_key.graphml",
        ErrorKind::Undeclared,
        35,
        7,
        "edges[0].data",
        "<data key=\"d12\">: no <key> declares it",
    ),
    (
        &["graphml/key_for_edges.graphml"],
        "key_for_edges.graphml",
        ErrorKind::Undeclared,
        30,
        7,
        "nodes[2].data",
        "its <key> is for edge, not node",
    ),
    (
        &["graphml/nested_graph.graphml"],
        "nested_graph.graphml",
        ErrorKind::Unsupported,
        32,
        7,
        "nodes[2]",
        "a graph nested inside a node is not supported",
    ),
    (
        &["graphml/hyperedge.graphml"],
        "hyperedge.graphml",
        ErrorKind::Unsupported,
        33,
        5,
        "",
        "hyperedges",
    ),
    (
        &["graphml/bad_lon.graphml"],
        "bad_lon.graphml",
        ErrorKind::Field,
        24,
        5,
        "nodes[1].lon",
        "\"32,86\" is not a number",
    ),
    (
        &["graphml/long_summary.graphml"],
        "long_summary.graphml",
        ErrorKind::TooLarge,
        33,
        5,
        "edges[0].summary",
        "1039 characters long; the limit is 1000",
    ),
];

#[test]
fn every_bad_fixture_is_refused_with_its_file_place_and_reason() {
    for (files, file, kind, line, column, path, message) in BAD {
        let err = read(files).expect_err(file);
        let shown = err.to_string();
        assert_eq!(err.file, *file, "{shown}");
        assert_eq!(err.error.kind, *kind, "{shown}");
        assert_eq!(
            (err.error.line, err.error.column),
            (Some(*line), Some(*column)),
            "{shown}"
        );
        assert_eq!(err.error.path, *path, "{shown}");
        assert!(
            err.error.message.contains(message),
            "{shown} lacks {message:?}"
        );
        assert!(
            shown.starts_with(&format!("{file}: line {line}, column {column}: ")),
            "{shown}"
        );
    }
}

#[test]
fn every_bad_fixture_on_disk_is_in_the_table() {
    let elsewhere = [
        "csv/pair.events.csv",
        "csv/pair.actors.csv",
        "csv/sparse.csv",
        "csv/empty.csv",
        "csv/formulas.events.csv",
        "csv/formulas.actors.csv",
        "gexf/dated.gexf",
        "graphml/dated.graphml",
        "graphml/bad_type.graphml",
        "graphml/self_loop_only.graphml",
    ];
    for dir in ["csv", "gexf", "graphml"] {
        let full = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(dir);
        for entry in std::fs::read_dir(full).unwrap() {
            let name = format!("{dir}/{}", entry.unwrap().file_name().to_string_lossy());
            let listed = elsewhere.contains(&name.as_str())
                || BAD.iter().any(|b| b.0.contains(&name.as_str()));
            assert!(listed, "{name} is in no test");
        }
    }
}

#[test]
fn an_empty_file_or_an_unknown_format_is_refused() {
    let err = read(&["csv/empty.csv"]).unwrap_err();
    assert_eq!(
        (err.error.kind, err.error.message.as_str()),
        (ErrorKind::Empty, "the file is empty")
    );
    let err = import(
        &[InputFile {
            name: "notes.md",
            text: "# Notes\nnothing here",
        }],
        "2026-01-01".parse().unwrap(),
    )
    .unwrap_err();
    assert_eq!(err.error.kind, ErrorKind::UnknownFileType);
    let two = read(&["gexf/dated.gexf", "graphml/dated.graphml"]).unwrap_err();
    assert!(
        two.error
            .message
            .contains("only an events CSV and an actors CSV can be read together"),
        "{two}"
    );
}

#[test]
fn oversized_files_are_refused_naming_the_limit() {
    let big = "a".repeat(entente::load::MAX_INPUT_BYTES + 1);
    for name in ["big.csv", "big.gexf", "big.json"] {
        let err = import(
            &[InputFile { name, text: &big }],
            "2026-01-01".parse().unwrap(),
        )
        .unwrap_err();
        assert_eq!(err.error.kind, ErrorKind::TooLarge, "{name}");
        assert!(err.error.message.contains("32 MiB"), "{err}");
    }
}

#[test]
fn a_csv_pair_reads_in_either_order() {
    let a = read(&["csv/pair.events.csv", "csv/pair.actors.csv"]).unwrap();
    let b = read(&["csv/pair.actors.csv", "csv/pair.events.csv"]).unwrap();
    assert_eq!(a, b);
    let d = &a.dataset;
    assert_eq!((d.actors.len(), d.ties.len()), (3, 2));
    assert_eq!(d.actors[2].actor_type, ActorType::ArmedGroup);
    assert_eq!(d.actors[2].base.as_deref(), Some("Afghan border region"));
    assert_eq!(
        d.actors[2].short.as_deref(),
        Some("TTP"),
        "the column short"
    );
    assert_eq!(d.actors[0].short, None, "an empty cell is no short name");
    assert_eq!(
        d.ties[0].events.len(),
        2,
        "two rows for PAK–TUR make one tie"
    );
    assert_eq!(
        (d.ties[1].source.as_str(), d.ties[1].target.as_str()),
        ("TTP", "PAK")
    );
    assert_eq!(d.title, "pair");
    assert!(
        a.notices.is_empty(),
        "a complete pair assumes nothing: {:?}",
        a.notices
    );
}

#[test]
fn a_sparse_spreadsheet_reads_with_a_notice_for_each_assumption() {
    let got = read(&["csv/sparse.csv"]).unwrap();
    let d = &got.dataset;
    let ids: Vec<&str> = d.actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["PAK", "CHN", "USA"]);
    let loan = &d.ties[0].events;
    assert_eq!(
        loan.len(),
        1,
        "a repeated row with another outlet is one event"
    );
    let outlets: Vec<&str> = loan[0].sources.iter().map(|s| s.outlet.as_str()).collect();
    assert_eq!(outlets, ["Reuters", "Dawn"]);
    let blank = &d.ties[1].events[0];
    assert_eq!(
        (blank.kind, blank.tone),
        (Kind::Diplomatic, Tone::Cooperative)
    );
    assert_eq!(blank.date.to_string(), "2026-01-01");
    assert_eq!(blank.sources[0].outlet, "sparse.csv");
    let count = |kind| {
        got.notices
            .iter()
            .filter(|n| n.kind == kind)
            .map(|n| n.count)
            .sum::<usize>()
    };
    assert_eq!(count(NoticeKind::Delimiter), 1);
    assert_eq!(count(NoticeKind::DroppedSelfLoops), 1);
    assert_eq!(count(NoticeKind::DefaultDate), 1);
    assert_eq!(count(NoticeKind::DefaultTone), 2);
    assert_eq!(count(NoticeKind::NoCoordinates), 3);
    let ignored = got
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::Ignored)
        .unwrap();
    assert_eq!(
        ignored.message,
        "sparse.csv: the column comment is not read."
    );
}

#[test]
fn gexf_attributes_spells_and_defaults_become_fields() {
    let got = read(&["gexf/dated.gexf"]).unwrap();
    let d = &got.dataset;
    assert_eq!(d.title, "Ties with kinds, tones and spells");
    let types: Vec<ActorType> = d.actors.iter().map(|a| a.actor_type).collect();
    assert_eq!(
        types,
        [ActorType::State, ActorType::State, ActorType::ArmedGroup],
        "TUR is a state by its iso3"
    );
    assert_eq!((d.actors[0].lat, d.actors[0].lon), (33.69, 73.05));
    let shorts: Vec<Option<&str>> = d.actors.iter().map(|a| a.short.as_deref()).collect();
    assert_eq!(
        shorts,
        [None, None, Some("TTP")],
        "the attribute titled Short"
    );
    let deal = &d.ties[0].events;
    let dates: Vec<String> = deal.iter().map(|e| e.date.to_string()).collect();
    assert_eq!(dates, ["2018-07-01", "2021-03-17"], "one event per spell");
    assert!(deal
        .iter()
        .all(|e| e.kind == Kind::Defense && e.summary == "Helicopter deal & its delay"));
    assert_eq!(deal[0].sources[0].outlet, "Dawn");
    let attack = &d.ties[1].events[0];
    assert_eq!(
        (attack.kind, attack.tone, attack.date.to_string()),
        (Kind::Conflict, Tone::Hostile, "2021-05-05".to_string())
    );
    assert_eq!(
        attack.sources[0].outlet, "dated.gexf",
        "no outlet: the file is the source"
    );
    assert_eq!(
        attack.sources[0].date.to_string(),
        "2021-07-15",
        "dated by the file's own date"
    );
    assert!(got
        .notices
        .iter()
        .any(|n| n.kind == NoticeKind::DroppedSelfLoops && n.count == 1));
}

#[test]
fn graphml_keys_defaults_and_escapes_become_fields() {
    let got = read(&["graphml/dated.graphml"]).unwrap();
    let d = &got.dataset;
    assert_eq!(d.title, "A GraphML test file");
    assert_eq!(
        d.actors[0].actor_type,
        ActorType::State,
        "the key's default"
    );
    assert_eq!(d.actors[2].actor_type, ActorType::Organization);
    assert_eq!(
        (d.actors[2].name.as_str(), d.actors[2].short.as_deref()),
        ("North Atlantic Treaty Organization", Some("NATO")),
        "the key abbreviation is the short name"
    );
    assert_eq!(
        d.ties[0].events[0].summary,
        "Helicopter deal <T129>, signed."
    );
    assert_eq!(
        d.ties[0].events[0].sources[0].date.to_string(),
        "2021-03-17"
    );
    assert!(got
        .notices
        .iter()
        .any(|n| n.kind == NoticeKind::Ignored && n.message.contains("weight")));
    assert!(got
        .notices
        .iter()
        .any(|n| n.kind == NoticeKind::Directed && n.count == 1));
    let odd = read(&["graphml/bad_type.graphml"]).unwrap();
    let t = odd
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::DefaultActorType)
        .unwrap();
    assert!(
        t.message.contains("(for example \"alliance\")"),
        "{}",
        t.message
    );
    let lone = read(&["graphml/self_loop_only.graphml"]).unwrap();
    assert!(lone
        .notices
        .iter()
        .any(|n| n.kind == NoticeKind::IsolatedActors && n.count == 1));
}

#[test]
fn a_byte_order_mark_changes_nothing() {
    for path in ["gexf/dated.gexf", "graphml/dated.graphml", "csv/sparse.csv"] {
        let text = fixture(path);
        let with_bom = format!("\u{feff}{text}");
        let name = path.rsplit('/').next().unwrap();
        let today = "2026-01-01".parse().unwrap();
        let plain = import(&[InputFile { name, text: &text }], today).unwrap();
        let marked = import(
            &[InputFile {
                name,
                text: &with_bom,
            }],
            today,
        )
        .unwrap();
        assert_eq!(plain, marked, "{path}");
    }
}
