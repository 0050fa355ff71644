//! The filter by source dataset: the article's own events and each file an event reader added
//! can be hidden, and the source dataset of an event survives every export.

#![cfg(not(target_arch = "wasm32"))]

use entente::chart::events_per_year;
use entente::export::export;
use entente::load::events::{add_to, read_events, EventFormat, Options};
use entente::load::{from_json, import, Format, InputFile};
use entente::model::Dataset;
use entente::network::{Filter, Network};
use entente::origin;

const SIPRI: &str = "SIPRI trade register: sipri-trade-register.csv";

fn today() -> entente::date::Date {
    "2026-12-02".parse().unwrap()
}

fn article() -> Dataset {
    from_json(&std::fs::read_to_string("data/pakistan-2021.json").unwrap()).unwrap()
}

fn imported(name: &str) -> Dataset {
    let bytes = std::fs::read(format!("tests/fixtures/events/{name}")).unwrap();
    read_events(name, &bytes, Options::default(), today())
        .unwrap()
        .dataset
}

/// The article with the SIPRI fixture's four deals added.
fn with_sipri() -> Dataset {
    add_to(&article(), &imported("sipri-trade-register.csv")).0
}

fn hiding(names: &[&str]) -> Filter {
    Filter::default().hiding(names.iter().map(|n| n.to_string()).collect())
}

fn pair(n: &Network, tie: u32) -> String {
    let [s, t] = n.ends(tie);
    format!("{}-{}", n.actor(s).id, n.actor(t).id)
}

#[test]
fn every_reader_names_its_source_dataset_and_the_articles_events_have_none() {
    for format in [
        EventFormat::Gdelt1,
        EventFormat::Gdelt2,
        EventFormat::Icews,
        EventFormat::Sipri,
        EventFormat::Cow,
    ] {
        assert!(origin::READERS.contains(&format.label()), "{format:?}");
    }
    let d = article();
    assert!(d
        .ties
        .iter()
        .flat_map(|t| &t.events)
        .all(|e| origin::of(e).is_empty()));
    for (file, name) in [
        ("sipri-trade-register.csv", SIPRI),
        ("gdelt1.export.CSV", "GDELT 1.0: gdelt1.export.CSV"),
        ("icews.events.2021.tab", "ICEWS: icews.events.2021.tab"),
        (
            "dyadic_mid_4.02.csv",
            "Correlates of War: dyadic_mid_4.02.csv",
        ),
    ] {
        let d = imported(file);
        let events: Vec<_> = d.ties.iter().flat_map(|t| &t.events).collect();
        assert!(!events.is_empty(), "{file}");
        assert!(events.iter().all(|e| origin::of(e) == name), "{file}");
    }
}

#[test]
fn the_source_datasets_are_counted_the_datasets_own_first() {
    let own = article().ties.iter().map(|t| t.events.len()).sum::<usize>();
    let n = Network::new(with_sipri()).unwrap();
    assert_eq!(n.source_datasets(), vec![("", own), (SIPRI, 4)]);
    assert_eq!(
        Network::new(article()).unwrap().source_datasets(),
        vec![("", own)]
    );
}

#[test]
fn hiding_sipri_gives_back_the_articles_picture_and_events() {
    let before = Network::new(article()).unwrap();
    let n = Network::new(with_sipri()).unwrap();
    let all = n.visible(&Filter::default());
    let without = n.visible(&hiding(&[SIPRI]));
    assert_eq!(without, before.visible(&Filter::default()));
    let counts = |n: &Network, f: &Filter| -> usize {
        (0..n.tie_count() as u32)
            .map(|t| n.admitted_events(t, f).len())
            .sum()
    };
    assert_eq!(
        counts(&n, &Filter::default()),
        counts(&n, &hiding(&[SIPRI])) + 4
    );
    assert_eq!(
        counts(&n, &hiding(&[SIPRI])),
        counts(&before, &Filter::default())
    );
    assert!(all.ties.len() >= without.ties.len());
    assert_eq!(
        events_per_year(&n, &hiding(&[SIPRI])).counts,
        events_per_year(&before, &Filter::default()).counts
    );
}

#[test]
fn hiding_the_articles_own_events_leaves_only_the_ties_sipri_reports() {
    let n = Network::new(with_sipri()).unwrap();
    let v = n.visible(&hiding(&[""]));
    let mut pairs: Vec<String> = v.ties.iter().map(|&t| pair(&n, t)).collect();
    pairs.sort();
    assert_eq!(pairs, ["PAK-CHN", "PAK-TUR"]);
    for &t in &v.ties {
        assert!(n
            .admitted_events(t, &hiding(&[""]))
            .iter()
            .all(|e| origin::of(e) == SIPRI));
    }
    // Hiding both leaves nothing; an unknown name hides nothing.
    assert!(n.visible(&hiding(&["", SIPRI])).ties.is_empty());
    assert_eq!(
        n.visible(&hiding(&["ICEWS: elsewhere.tab"])),
        n.visible(&Filter::default())
    );
}

#[test]
fn a_tie_only_an_added_file_reports_disappears_with_it() {
    let cow = "Correlates of War: dyadic_mid_4.02.csv";
    let d = add_to(&with_sipri(), &imported("dyadic_mid_4.02.csv")).0;
    let n = Network::new(d).unwrap();
    let rows: Vec<&str> = n.source_datasets().iter().map(|r| r.0).collect();
    assert_eq!(rows, ["", cow, SIPRI]);
    let all = n.visible(&Filter::default());
    let without = n.visible(&hiding(&[cow]));
    assert_eq!(all.ties.len(), without.ties.len() + 1);
    let gone: Vec<String> = all
        .ties
        .iter()
        .filter(|t| !without.ties.contains(t))
        .map(|&t| pair(&n, t))
        .collect();
    assert_eq!(gone.len(), 1);
    assert!(
        gone[0].contains("COW 999") || gone[0].contains("999"),
        "{gone:?}"
    );
}

#[test]
fn the_source_dataset_survives_every_export_and_reimport() {
    let d = with_sipri();
    let want = Network::new(d.clone())
        .unwrap()
        .source_datasets()
        .iter()
        .map(|(n, c)| (n.to_string(), *c))
        .collect::<Vec<_>>();
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
        let back = import(&inputs, today()).unwrap().dataset;
        let n = Network::new(back).unwrap();
        let got: Vec<(String, usize)> = n
            .source_datasets()
            .iter()
            .map(|(n, c)| (n.to_string(), *c))
            .collect();
        assert_eq!(got, want, "{format:?}");
        assert_eq!(
            n.visible(&hiding(&[SIPRI])).ties.len(),
            Network::new(article())
                .unwrap()
                .visible(&Filter::default())
                .ties
                .len(),
            "{format:?}"
        );
    }
}
