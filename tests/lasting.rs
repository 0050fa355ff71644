//! Lasting events: an event's optional `end`, its rule, every format reading and writing it,
//! and the network as of a date leaving out what has ended.

use entente::date::Date;
use entente::error::ErrorKind;
use entente::export::export;
use entente::load::{from_json, import, Format, InputFile};
use entente::network::{Filter, Network};

const LASTING: &str = include_str!("fixtures/lasting/lasting.json");

fn day(s: &str) -> Date {
    s.parse().unwrap()
}

fn today() -> Date {
    day("2026-01-01")
}

fn import_one(
    name: &str,
    text: &str,
) -> Result<entente::load::Imported, entente::load::ImportError> {
    import(&[InputFile { name, text }], today())
}

/// The lasting fixture with the first event's `end` replaced.
fn with_end(end: &str) -> String {
    LASTING.replacen("\"end\": \"2014\"", &format!("\"end\": \"{end}\""), 1)
}

#[test]
fn ends_load_at_every_precision() {
    let d = from_json(LASTING).unwrap();
    let ends: Vec<Option<String>> = d
        .ties
        .iter()
        .flat_map(|t| &t.events)
        .map(|e| e.end.map(|d| d.to_string()))
        .collect();
    assert_eq!(
        ends,
        [
            Some("2014".into()),
            Some("2012-06".into()),
            None,
            Some("2011-12-31".into())
        ]
    );
}

#[test]
fn an_end_may_share_its_dates_period_but_not_come_before_it() {
    // The event is dated 2010-03-15.
    for ok in ["2010", "2010-03", "2010-03-15", "2030"] {
        assert!(from_json(&with_end(ok)).is_ok(), "{ok}");
    }
    for (bad, message) in [
        (
            "2010-03-14",
            "2010-03-14 is before the event's date 2010-03-15",
        ),
        ("2010-02", "2010-02 is before the event's date 2010-03-15"),
        ("2009", "2009 is before the event's date 2010-03-15"),
    ] {
        let err = from_json(&with_end(bad)).unwrap_err();
        assert_eq!(err.kind, ErrorKind::OutOfRange, "{bad}");
        assert_eq!(err.path, "ties[0].events[0].end", "{bad}");
        assert_eq!(err.message, message);
    }
    let err = from_json(&with_end("2010-02-30")).unwrap_err();
    assert_eq!(err.kind, ErrorKind::BadDate, "{err}");
}

#[test]
fn every_format_writes_and_reads_the_end() {
    let d = from_json(LASTING).unwrap();
    for format in Format::ALL {
        let files = export(&d, format).unwrap();
        let names: Vec<String> = files.iter().map(|f| format!("out.{}", f.suffix)).collect();
        let inputs: Vec<InputFile> = files
            .iter()
            .zip(&names)
            .map(|(f, n)| InputFile {
                name: n,
                text: &f.text,
            })
            .collect();
        let back = import(&inputs, today()).unwrap_or_else(|e| panic!("{format:?}: {e}"));
        assert_eq!(back.dataset.ties, d.ties, "{format:?}");
    }
    let gexf = &export(&d, Format::Gexf).unwrap()[0].text;
    assert!(
        gexf.contains("<spell start=\"2010-03-15\" end=\"2014-12-31\"/>"),
        "the spell ends on the last day the end stands for"
    );
    assert!(
        gexf.contains("<spell start=\"2016-01-01\"/>"),
        "a one-off has no end"
    );
    let graphml = &export(&d, Format::Graphml).unwrap()[0].text;
    assert!(
        graphml.contains("<key id=\"end\" for=\"edge\" attr.name=\"end\" attr.type=\"string\"/>")
    );
    assert!(graphml.contains("<data key=\"end\">2012-06</data>"));
    let csv = export(&d, Format::Csv).unwrap();
    let events = &csv.iter().find(|f| f.suffix == "events.csv").unwrap().text;
    assert!(events.starts_with("source,target,date,end,"));
    assert!(events.contains("A,C,2016,,diplomatic"), "{events}");
}

#[test]
fn a_csv_end_is_read_and_a_bad_one_is_located() {
    let head = "source,target,date,end,kind,tone,summary,outlet,outlet_date\n";
    let good = format!("{head}A,B,2019-05,2021,defense,cooperative,Deployed,Dawn,2019-05-02\n");
    let d = import_one("e.csv", &good).unwrap().dataset;
    assert_eq!(d.ties[0].events[0].end, Some(day("2021")));
    let not_a_date =
        format!("{head}A,B,2019-05,soon,defense,cooperative,Deployed,Dawn,2019-05-02\n");
    let e = import_one("e.csv", &not_a_date).unwrap_err();
    assert_eq!(
        (e.file.as_str(), e.error.kind),
        ("e.csv", ErrorKind::BadDate)
    );
    assert_eq!(
        (e.error.line, e.error.column),
        (Some(2), Some(4)),
        "{}",
        e.error
    );
    assert_eq!(e.error.path, "end");
    let before = format!(
        "{head}A,B,2019,,defense,cooperative,Visit,Dawn,2019-05-02\nA,B,2019-05,2018,defense,cooperative,Deployed,Dawn,2019-05-02\n"
    );
    let e = import_one("e.csv", &before).unwrap_err();
    assert_eq!(e.error.kind, ErrorKind::OutOfRange);
    assert_eq!(
        (e.error.line, e.error.column),
        (Some(3), Some(4)),
        "{}",
        e.error
    );
    assert_eq!(
        e.error.to_string(),
        "line 3, column 4: end: 2018 is before the event's date 2019-05"
    );
}

const SPELLS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<gexf xmlns="http://gexf.net/1.3" version="1.3">
  <graph defaultedgetype="undirected" mode="dynamic" timeformat="date">
    <nodes><node id="a" label="A"/><node id="b" label="B"/><node id="c" label="C"/></nodes>
    <edges>
      <edge id="0" source="a" target="b">
        <spells><spell start="2001-02-03" end="2004-05-06"/><spell start="2008"/></spells>
      </edge>
      <edge id="1" source="b" target="c" start="2010-01-01" end="2011-01-01"/>
    </edges>
  </graph>
</gexf>
"#;

#[test]
fn gexf_spells_and_dynamic_edges_give_their_ends() {
    let d = import_one("s.gexf", SPELLS).unwrap().dataset;
    let events: Vec<(String, Option<String>)> = d
        .ties
        .iter()
        .flat_map(|t| &t.events)
        .map(|e| (e.date.to_string(), e.end.map(|d| d.to_string())))
        .collect();
    let s = |a: &str, b: Option<&str>| (a.to_string(), b.map(str::to_string));
    assert_eq!(
        events,
        [
            s("2001-02-03", Some("2004-05-06")),
            s("2008", None),
            s("2010-01-01", Some("2011-01-01"))
        ]
    );
    let backwards = SPELLS.replace("end=\"2004-05-06\"", "end=\"2000-01-01\"");
    let e = import_one("s.gexf", &backwards).unwrap_err();
    assert_eq!(e.error.kind, ErrorKind::OutOfRange);
    assert_eq!(e.error.path, "edges[0].end", "{}", e.error);
    assert_eq!(e.error.line, Some(6), "{}", e.error);
    let garbled = SPELLS.replace("end=\"2004-05-06\"", "end=\"later\"");
    let e = import_one("s.gexf", &garbled).unwrap_err();
    assert_eq!(e.error.path, "edges[0].spells.end", "{}", e.error);
    assert!(
        e.error.message.contains("\"later\" is not a date"),
        "{}",
        e.error
    );
}

#[test]
fn graphml_reads_an_end_key() {
    let text = r#"<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="d" for="edge" attr.name="date" attr.type="string"/>
  <key id="e" for="edge" attr.name="end" attr.type="string"/>
  <graph edgedefault="undirected">
    <node id="a"/><node id="b"/>
    <edge source="a" target="b"><data key="d">2015-04</data><data key="e">2017</data></edge>
  </graph>
</graphml>
"#;
    let d = import_one("g.graphml", text).unwrap().dataset;
    assert_eq!(d.ties[0].events[0].end, Some(day("2017")));
}

/// The ties shown as of `date`, as `source-target` names.
fn as_of(n: &Network, date: &str) -> Vec<String> {
    let f = Filter {
        until: Some(day(date)),
        ..Filter::default()
    };
    let v = n.visible(&f);
    v.ties
        .iter()
        .zip(&v.tones)
        .map(|(&t, tone)| {
            let t = n.tie(t);
            format!("{}-{} {}", t.source, t.target, tone.as_str())
        })
        .collect()
}

#[test]
fn as_of_a_date_shows_only_what_is_in_force() {
    let n = Network::new(from_json(LASTING).unwrap()).unwrap();
    let none: [&str; 0] = [];
    assert_eq!(as_of(&n, "2010-03-14"), none);
    assert_eq!(as_of(&n, "2010-03-15"), ["A-B cooperative"]);
    assert_eq!(as_of(&n, "2011-12-31"), ["A-B cooperative", "B-D hostile"]);
    assert_eq!(as_of(&n, "2012-01-01"), ["A-B cooperative"]);
    // A month-long event holds for the whole month.
    assert_eq!(as_of(&n, "2012-06-30"), ["A-B cooperative", "A-C strained"]);
    assert_eq!(as_of(&n, "2012-07-01"), ["A-B cooperative"]);
    // An end of year precision holds to the year's last day.
    assert_eq!(as_of(&n, "2014-12-31"), ["A-B cooperative"]);
    assert_eq!(as_of(&n, "2015-01-01"), none);
    // The one-off visit keeps A-C from 2016 on, with its own tone.
    assert_eq!(as_of(&n, "2016-01-01"), ["A-C cooperative"]);
    assert_eq!(as_of(&n, "2040"), ["A-C cooperative"]);
    // Without a date, every event counts.
    assert_eq!(n.visible(&Filter::default()).ties.len(), 3);
}

#[test]
fn between_two_dates_keeps_the_events_dated_in_the_window() {
    let n = Network::new(from_json(LASTING).unwrap()).unwrap();
    let window = |since: &str, until: &str| {
        let f = Filter {
            until: Some(day(until)),
            ..Filter::default()
        }
        .between(Some(day(since)));
        let v = n.visible(&f);
        v.ties
            .iter()
            .map(|&t| format!("{}-{}", n.tie(t).source, n.tie(t).target))
            .collect::<Vec<_>>()
    };
    // A-B's alliance is in force through 2014 but dated 2010: outside the window.
    assert_eq!(window("2011-01-01", "2012-12-31"), ["A-C", "B-D"]);
    // Both ends are in the window, and an event that ended in it still counts.
    assert_eq!(window("2010-03-15", "2011-01-01"), ["A-B", "B-D"]);
    assert_eq!(window("2013", "2015"), Vec::<String>::new());
}
