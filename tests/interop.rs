//! The interop corpus (`../shared/interop/graphology/`, files other tools wrote): every
//! well-formed file imports with the counts an independent reader finds, every broken one is
//! refused with its place, and no corpus file is left out of the table.

use entente::error::ErrorKind;
use entente::load::{import, ImportError, Imported, InputFile, NoticeKind};
use std::path::PathBuf;

fn corpus() -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/interop/graphology");
    assert!(
        dir.is_dir(),
        "the interop corpus is missing: expected {} beside the repository",
        dir.display()
    );
    dir
}

fn read(name: &str) -> Result<Imported, ImportError> {
    let text = std::fs::read_to_string(corpus().join(name)).unwrap();
    import(
        &[InputFile { name, text: &text }],
        "2026-01-01".parse().unwrap(),
    )
}

enum Expect {
    /// Actors, ties, events and dropped self-loops, as counted with Python's ElementTree
    /// (nodes; distinct unordered pairs; edges that are not self-loops; self-loops).
    Reads(usize, usize, usize, usize),
    /// The error kind, line, column, record path and a piece of the message.
    Refused(ErrorKind, usize, usize, &'static str, &'static str),
}

use Expect::{Reads, Refused};

const CORPUS: &[(&str, Expect)] = &[
    ("arctic.gexf", Reads(1715, 6228, 6676, 0)),
    ("attributes.graphml", Reads(6, 7, 7, 0)),
    ("basic.gexf", Reads(2, 1, 2, 0)),
    ("basic.graphml", Reads(11, 12, 12, 0)),
    ("basic_formatted.gexf", Reads(2, 1, 2, 0)),
    ("case.gexf", Reads(10, 17, 20, 0)),
    ("celegans.gexf", Reads(306, 2148, 2345, 0)),
    ("data.gexf", Reads(4, 4, 5, 0)),
    ("edge_data.gexf", Reads(4, 4, 5, 0)),
    ("edge_viz.gexf", Reads(2, 1, 1, 0)),
    ("les_miserables.gexf", Reads(77, 254, 254, 0)),
    ("liststring.gexf", Reads(4, 4, 5, 0)),
    ("minimal.gexf", Reads(2, 1, 1, 0)),
    ("miserables.graphml", Reads(77, 254, 254, 0)),
    (
        "miserables_broken.graphml",
        Refused(
            ErrorKind::Undeclared,
            12,
            1,
            "nodes[0].data",
            "<data key=\"label\">: no <key> declares it",
        ),
    ),
    (
        "missing_nodes.gexf",
        Refused(
            ErrorKind::UnknownActor,
            13,
            13,
            "edges[0].source",
            "no node has the id \"2\"",
        ),
    ),
    (
        "missing_nodes.graphml",
        Refused(
            ErrorKind::UnknownActor,
            20,
            2,
            "edges[0].target",
            "no node has the id \"9306289\"",
        ),
    ),
    ("mixed.gexf", Reads(3, 3, 3, 0)),
    ("mixed_multigraph.graphml", Reads(6, 7, 8, 0)),
    ("multigraph.graphml", Reads(6, 7, 9, 0)),
    (
        "pedantic.gexf",
        Refused(ErrorKind::Empty, 6, 3, "graph", "the graph has no nodes"),
    ),
    ("rio.gexf", Reads(366, 988, 1096, 11)),
    (
        "sanitized.gexf",
        Refused(ErrorKind::Empty, 6, 3, "graph", "the graph has no nodes"),
    ),
    (
        "undeclared_attribute.gexf",
        Refused(
            ErrorKind::Undeclared,
            11,
            11,
            "nodes[0].attvalues",
            "\"url\" is not declared in <attributes class=\"node\">",
        ),
    ),
    ("v1_3.gexf", Reads(2, 1, 1, 0)),
    ("v1_3_writer.gexf", Reads(2, 1, 1, 0)),
    ("yeast.gexf", Reads(2361, 6646, 6646, 536)),
];

#[test]
fn every_corpus_file_gets_its_expected_outcome() {
    for (name, expect) in CORPUS {
        match (expect, read(name)) {
            (Reads(actors, ties, events, loops), Ok(got)) => {
                let d = &got.dataset;
                let n_events: usize = d.ties.iter().map(|t| t.events.len()).sum();
                assert_eq!(
                    (d.actors.len(), d.ties.len(), n_events),
                    (*actors, *ties, *events),
                    "{name}: actors, ties, events"
                );
                let dropped = got
                    .notices
                    .iter()
                    .find(|n| n.kind == NoticeKind::DroppedSelfLoops)
                    .map_or(0, |n| n.count);
                assert_eq!(dropped, *loops, "{name}: self-loops dropped");
                entente::load::validate(d).unwrap_or_else(|e| panic!("{name}: {e}"));
            }
            (Refused(kind, line, column, path, message), Err(err)) => {
                let e = &err.error;
                assert_eq!(err.file, *name);
                assert_eq!(e.kind, *kind, "{name}: {err}");
                assert_eq!(
                    (e.line, e.column),
                    (Some(*line), Some(*column)),
                    "{name}: {err}"
                );
                assert_eq!(e.path, *path, "{name}: {err}");
                assert!(
                    e.message.contains(message),
                    "{name}: {err} lacks {message:?}"
                );
            }
            (Reads(..), Err(e)) => panic!("{name} should import, but: {e}"),
            (Refused(..), Ok(_)) => panic!("{name} should be refused, but it imported"),
        }
    }
}

#[test]
fn no_corpus_file_is_missing_from_the_table() {
    for entry in std::fs::read_dir(corpus()).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        if name.ends_with(".gexf") || name.ends_with(".graphml") {
            assert!(
                CORPUS.iter().any(|(n, _)| *n == name),
                "{name} is not in the table"
            );
        }
    }
}

#[test]
fn a_foreign_graph_says_what_was_assumed() {
    let got = read("les_miserables.gexf").unwrap();
    let count = |kind| got.notices.iter().find(|n| n.kind == kind).map(|n| n.count);
    for kind in [
        NoticeKind::DefaultKind,
        NoticeKind::DefaultTone,
        NoticeKind::DefaultDate,
        NoticeKind::DefaultSource,
        NoticeKind::DefaultSummary,
        NoticeKind::Directed,
    ] {
        assert_eq!(count(kind), Some(254), "{kind:?}");
    }
    assert_eq!(count(NoticeKind::NoCoordinates), Some(77));
    assert_eq!(count(NoticeKind::DefaultActorType), Some(77));
    assert_eq!(
        count(NoticeKind::DefaultName),
        None,
        "every node has a label"
    );
    let date = got
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::DefaultDate)
        .unwrap();
    assert!(
        date.message.contains("2010-05-29, the file's own date"),
        "{}",
        date.message
    );
    let event = &got.dataset.ties[0].events[0];
    assert_eq!(event.date.to_string(), "2010-05-29");
    assert_eq!(event.sources[0].outlet, "les_miserables.gexf");
    assert_eq!(
        got.dataset.title,
        "Les Misérables, the characters coappearance weighted graph"
    );
    assert_eq!(got.dataset.actors[0].name, "Myriel");
}

#[test]
fn parallel_and_two_way_edges_become_one_tie_with_an_event_each() {
    let got = read("edge_data.gexf").unwrap();
    let d = &got.dataset;
    let tie = d
        .ties
        .iter()
        .find(|t| t.events.len() == 2)
        .expect("the 0–1 pair");
    assert_eq!((tie.source.as_str(), tie.target.as_str()), ("0", "1"));
    let merged = got
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::MergedEdges)
        .unwrap();
    assert_eq!(merged.count, 1);
    assert!(
        merged
            .message
            .contains("1 edge joins a pair already joined"),
        "{}",
        merged.message
    );
    let directed = got
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::Directed)
        .unwrap();
    assert!(
        directed.message.contains("1 pair linked both ways"),
        "{}",
        directed.message
    );
}

#[test]
fn an_undirected_graph_is_not_called_directed() {
    let got = read("basic.graphml").unwrap();
    assert!(got.notices.iter().all(|n| n.kind != NoticeKind::Directed));
    assert!(got
        .notices
        .iter()
        .any(|n| n.kind == NoticeKind::DefaultName && n.count == 11));
}

#[test]
fn labels_become_names_and_summaries_and_a_13_kind_is_read() {
    let got = read("basic.gexf").unwrap();
    assert_eq!(got.dataset.actors[0].name, "Suzy, Ghost");
    let summaries: Vec<&str> = got.dataset.ties[0]
        .events
        .iter()
        .map(|e| e.summary.as_str())
        .collect();
    assert_eq!(summaries[0], "Fine edge");
    let kind = got
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::DefaultKind)
        .unwrap();
    assert!(
        !kind.message.contains("Fine edge"),
        "a label is not a failed kind: {}",
        kind.message
    );
    let v13 = read("v1_3_writer.gexf").unwrap();
    let kind = v13
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::DefaultKind)
        .unwrap();
    assert!(
        kind.message.contains("(for example \"likes\")"),
        "{}",
        kind.message
    );
}
