//! The event-data readers (GDELT 1.0 and 2.0, ICEWS, SIPRI, Correlates of War) on fixtures that
//! copy each format's quirks: the exact actors, ties, events and notices.

#![cfg(not(target_arch = "wasm32"))]

use entente::date::Date;
use entente::load::events::{read_events, EventFormat, EventReader, Options, Period, ToneBy};
use entente::load::{validate, NoticeKind};
use entente::model::Dataset;

fn today() -> Date {
    "2026-12-02".parse().unwrap()
}

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("tests/fixtures/events/{name}")).unwrap()
}

fn read(name: &str, options: Options) -> entente::load::events::ImportedEvents {
    let read = read_events(name, &fixture(name), options, today()).unwrap();
    validate(&read.dataset).unwrap();
    read
}

/// The actors as `id name (lat, lon)`.
fn actors(d: &Dataset) -> Vec<String> {
    d.actors
        .iter()
        .map(|a| format!("{} {} ({}, {})", a.id, a.name, a.lat, a.lon))
        .collect()
}

/// Every event as one line: pair, date, end, kind, tone, summary, figures, sources.
fn events(d: &Dataset) -> Vec<String> {
    let mut out = Vec::new();
    for t in &d.ties {
        for e in &t.events {
            let end = e.end.map(|e| format!("..{e}")).unwrap_or_default();
            let figures: Vec<String> = e
                .figures
                .iter()
                .map(|f| format!("{} {} {}", f.value, f.unit, f.what.as_deref().unwrap_or("")))
                .collect();
            let sources: Vec<String> = e
                .sources
                .iter()
                .map(|s| match &s.url {
                    Some(u) => format!("{} {} <{u}>", s.outlet, s.date),
                    None => format!("{} {}", s.outlet, s.date),
                })
                .collect();
            out.push(format!(
                "{}-{} {}{end} {} {} | {} | {} | {}",
                t.source,
                t.target,
                e.date,
                e.kind.as_str(),
                e.tone.as_str(),
                e.summary,
                figures.join("; "),
                sources.join("; ")
            ));
        }
    }
    out
}

fn notices(r: &entente::load::events::ImportedEvents) -> Vec<String> {
    r.notices
        .iter()
        .map(|n| format!("{:?} {}: {}", n.kind, n.count, n.message))
        .collect()
}

#[test]
fn gdelt_1_mixes_57_and_58_columns_without_a_header() {
    let r = read("gdelt1.export.CSV", Options::default());
    assert_eq!(r.format, EventFormat::Gdelt1);
    assert_eq!(
        actors(&r.dataset),
        &[
            "PAK Pakistan (33.7215, 73.0433)",
            "CHN China (39.9075, 116.3972)",
            "IND India (28.6519, 77.2315)",
            "WST WST (0, 0)",
        ]
    );
    assert_eq!(
        events(&r.dataset),
        &[
            "PAK-CHN 2021-06 diplomatic cooperative | 2 GDELT 1.0 events between Pakistan and China: consult (CAMEO 04) | 2 rows GDELT 1.0 rows; 1.45 Goldstein mean Goldstein score | dawn.com 2021-06-03 <https://www.dawn.com/news/1627311>",
            "PAK-CHN 2021-06 economic cooperative | 1 GDELT 1.0 event between Pakistan and China: engage in material cooperation (CAMEO 06) | 1 rows GDELT 1.0 rows; 6.4 Goldstein mean Goldstein score | tribune.com.pk 2021-06-20 <https://tribune.com.pk/story/2304>",
            "PAK-IND 2021-07 conflict hostile | 1 GDELT 1.0 event between Pakistan and India: fight (CAMEO 19) | 1 rows GDELT 1.0 rows; -10 Goldstein mean Goldstein score | thehindu.com 2021-07-02 <https://www.thehindu.com/news/national/article1.ece>",
            "PAK-WST 2021-07 diplomatic strained | 1 GDELT 1.0 event between Pakistan and WST: disapprove (CAMEO 11) | 1 rows GDELT 1.0 rows; -2 Goldstein mean Goldstein score | aljazeera.com 2021-07-05 <https://www.aljazeera.com/news/2021/7/5/a>",
        ]
    );
    assert_eq!(
        notices(&r),
        &[
            "UnknownActors 1: 1 name not in the country table became an actor of its own, placed at latitude 0, longitude 0: WST",
            "OneSided 1: 1 row names no actor on one side and was left out",
            "DroppedSelfLoops 1: 1 row names the same actor on both sides and was left out",
            "Mapped 4: Kinds come from the CAMEO codes and tones from QuadClass, by the mapping kept in the dataset's provenance; 5 rows became 4 events per pair, month, kind and tone, with the row count and mean Goldstein score as figures",
        ]
    );
}

#[test]
fn gdelt_2_has_61_columns_and_crlf_line_ends() {
    let r = read("gdelt2.export.CSV", Options::default());
    assert_eq!(r.format, EventFormat::Gdelt2);
    assert_eq!(
        actors(&r.dataset),
        &[
            "PAK Pakistan (33.7215, 73.0433)",
            "TUR Turkey (39.9199, 32.8543)",
        ]
    );
    assert_eq!(
        events(&r.dataset),
        &[
            "PAK-TUR 2021-06 defense cooperative | 1 GDELT 2.0 event between Pakistan and Turkey: engage in material cooperation (CAMEO 06) | 1 rows GDELT 2.0 rows; 7.4 Goldstein mean Goldstein score | aa.com.tr 2021-06-03 <https://www.aa.com.tr/en/asia-pacific/x/2270001>",
            "PAK-TUR 2021-06 diplomatic cooperative | 2 GDELT 2.0 events between Pakistan and Turkey: appeal (CAMEO 02) | 2 rows GDELT 2.0 rows; 3.4 Goldstein mean Goldstein score | dailysabah.com 2021-06-03 <https://www.dailysabah.com/politics/y>",
        ]
    );
    assert_eq!(
        notices(&r),
        &[
            "Mapped 2: Kinds come from the CAMEO codes and tones from QuadClass, by the mapping kept in the dataset's provenance; 3 rows became 2 events per pair, month, kind and tone, with the row count and mean Goldstein score as figures",
        ]
    );
}

#[test]
fn icews_has_a_header_na_and_country_names() {
    let r = read("icews.events.2021.tab", Options::default());
    assert_eq!(r.format, EventFormat::Icews);
    assert_eq!(
        actors(&r.dataset),
        &[
            "PAK Pakistan (33.7215, 73.0433)",
            "CHN China (39.9075, 116.3972)",
            "Kurdistan Kurdistan (0, 0)",
            "IND India (28.6519, 77.2315)",
        ]
    );
    assert_eq!(
        events(&r.dataset),
        &[
            "PAK-CHN 2021-06 diplomatic cooperative | 3 ICEWS events between Pakistan and China: mostly consult (CAMEO 04) | 3 rows ICEWS rows; 2.27 Goldstein mean Goldstein score | Dawn 2021-06-02; Xinhua 2021-06-09; Reuters 2021-06-21",
            "PAK-Kurdistan 2021-06 diplomatic cooperative | 1 ICEWS event between Pakistan and Kurdistan: consult (CAMEO 04) | 1 rows ICEWS rows; 1 Goldstein mean Goldstein score | ICEWS 2021-06",
            "PAK-IND 2021-06 conflict hostile | 1 ICEWS event between Pakistan and India: fight (CAMEO 19) | 1 rows ICEWS rows; -10 Goldstein mean Goldstein score | The Hindu 2021-06-20",
        ]
    );
    assert_eq!(
        notices(&r),
        &[
            "UnknownActors 1: 1 name not in the country table became an actor of its own, placed at latitude 0, longitude 0: Kurdistan",
            "OneSided 1: 1 row names no actor on one side and was left out",
            "Mapped 3: Kinds come from the CAMEO codes and tones from the QuadClass of the CAMEO root, by the mapping kept in the dataset's provenance; 5 rows became 3 events per pair, month, kind and tone, with the row count and mean Goldstein score as figures",
        ]
    );
}

#[test]
fn sipri_has_a_preamble_latin_1_and_a_broken_record() {
    let r = read("sipri-trade-register.csv", Options::default());
    assert_eq!(r.format, EventFormat::Sipri);
    assert_eq!(
        actors(&r.dataset),
        &[
            "CHN China (39.9075, 116.3972)",
            "PAK Pakistan (33.7215, 73.0433)",
            "TUR Turkey (39.9199, 32.8543)",
        ]
    );
    assert_eq!(
        events(&r.dataset),
        &[
            "CHN-PAK 2015 defense cooperative | China to Pakistan: 8 Hangor (submarine) ordered in 2015 | 8 units ordered; 300 SIPRI TIV (millions) per unit; 2400 SIPRI TIV (millions) total order | SIPRI Arms Transfers Database 2023-03-17",
            "CHN-PAK 2017..2022 defense cooperative | China to Pakistan: 4 Type-054A/P (frigate) ordered in 2017; 2 delivered 2021; 2022 | 4 units ordered; 2 units delivered; 200 SIPRI TIV (millions) per unit; 800 SIPRI TIV (millions) total order; 400 SIPRI TIV (millions) delivered weapons | SIPRI Arms Transfers Database 2023-03-17",
            "PAK-TUR 2018 defense cooperative | Turkey to Pakistan: 30 T-129B (combat helicopter) ordered in 2018 | 30 units ordered; 0 units delivered; 15 SIPRI TIV (millions) per unit; 450 SIPRI TIV (millions) total order; 0 SIPRI TIV (millions) delivered weapons | SIPRI Arms Transfers Database 2023-03-17",
            "PAK-TUR 2021..2022 defense cooperative | Pakistan to Turkey: 10 Super Mushshak (trainer aircraft) ordered in 2021; 10 delivered 2021-2022 | 10 units ordered; 10 units delivered; 1.5 SIPRI TIV (millions) per unit; 15 SIPRI TIV (millions) total order; 15 SIPRI TIV (millions) delivered weapons | SIPRI Arms Transfers Database 2023-03-17",
        ]
    );
    assert_eq!(
        notices(&r),
        &[
            "Mapped 4: Every SIPRI deal is a cooperative defense event, by the mapping kept in the dataset's provenance",
        ]
    );
}

#[test]
fn cow_dyadic_mids_use_statea_stateb_and_start_end_columns() {
    let r = read("dyadic_mid_4.02.csv", Options::default());
    assert_eq!(r.format, EventFormat::Cow);
    assert_eq!(
        actors(&r.dataset),
        &[
            "PAK Pakistan (33.7215, 73.0433)",
            "IND India (28.6519, 77.2315)",
            "AFG Afghanistan (34.5281, 69.1723)",
            "COW 999 COW 999 (0, 0)",
        ]
    );
    assert_eq!(
        events(&r.dataset),
        &[
            "PAK-IND 1999-05..1999-07-26 conflict hostile | Militarized interstate dispute 4182 between Pakistan and India, 1999-05 to 1999-07-26 |  | Correlates of War 1999-07-26",
            "PAK-AFG 2001-01-12..2002 conflict hostile | Militarized interstate dispute 4339 between Pakistan and Afghanistan, 2001-01-12 to 2002 |  | Correlates of War 2002",
            "PAK-COW 999 2003-01-01..2003-02-01 conflict hostile | Militarized interstate dispute 4400 between Pakistan and COW 999, 2003-01-01 to 2003-02-01 |  | Correlates of War 2003-02-01",
        ]
    );
    assert_eq!(
        notices(&r),
        &[
            "UnknownActors 1: 1 name not in the country table became an actor of its own, placed at latitude 0, longitude 0: COW 999",
            "Mapped 3: Every COW dyad is a hostile conflict event, by the mapping kept in the dataset's provenance",
        ]
    );
}

#[test]
fn cow_state1no_state2no_by_year_become_runs_of_years() {
    let r = read("contdird.csv", Options::default());
    assert_eq!(r.format, EventFormat::Cow);
    assert_eq!(
        actors(&r.dataset),
        &[
            "IND India (28.6519, 77.2315)",
            "PAK Pakistan (33.7215, 73.0433)",
            "AFG Afghanistan (34.5281, 69.1723)",
        ]
    );
    assert_eq!(
        events(&r.dataset),
        &[
            "IND-PAK 1947..1949 conflict hostile | Conflict tie between India and Pakistan, 1947 to 1949 |  | Correlates of War 1949",
            "IND-PAK 1952 conflict hostile | Conflict tie between India and Pakistan, 1952 |  | Correlates of War 1952",
            "PAK-AFG 1947 conflict hostile | Conflict tie between Pakistan and Afghanistan, 1947 |  | Correlates of War 1947",
        ]
    );
    assert_eq!(
        notices(&r),
        &[
            "Mapped 3: Every COW dyad is a hostile conflict event, by the mapping kept in the dataset's provenance",
        ]
    );
}

#[test]
fn cow_directed_wars_with_ccode_and_a_date_column_are_one_event() {
    let r = read("directed_dyadic_war.csv", Options::default());
    assert_eq!(r.format, EventFormat::Cow);
    assert_eq!(
        actors(&r.dataset),
        &[
            "IND India (28.6519, 77.2315)",
            "PAK Pakistan (33.7215, 73.0433)",
        ]
    );
    assert_eq!(
        events(&r.dataset),
        &[
            "IND-PAK 1965-08-05..1965 conflict hostile | War 223 between India and Pakistan, 1965-08-05 to 1965 |  | Correlates of War 1965",
        ]
    );
    assert_eq!(
        notices(&r),
        &[
            "Mapped 1: Every COW dyad is a hostile conflict event, by the mapping kept in the dataset's provenance",
        ]
    );
}

/// The GDELT 1.0 fixture's first row, `n` times with dates through June 2021, then `tail`.
fn many_gdelt_rows(n: usize, tail: &str) -> Vec<u8> {
    let text = String::from_utf8(fixture("gdelt1.export.CSV")).unwrap();
    let first = text.lines().next().unwrap();
    let mut out = String::new();
    for i in 0..n {
        out += &first.replacen("20210603", &format!("202106{:02}", i % 28 + 1), 1);
        out.push('\n');
    }
    (out + tail).into_bytes()
}

#[test]
fn a_bad_row_in_a_hundred_is_counted_and_skipped() {
    let bytes = many_gdelt_rows(150, "1\t20210699\tshort row\n");
    let r = read_events("day.export.CSV", &bytes, Options::default(), today()).unwrap();
    assert_eq!(r.rows, 151);
    let bad = r
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::BadRows)
        .unwrap();
    assert_eq!(bad.count, 1);
    assert_eq!(
        bad.message,
        "1 of 151 rows could not be read and was skipped: line 151: 3 columns; GDELT 1.0 rows have 57 or 58"
    );
    let source = &r.dataset.ties[0].events[0].sources[0];
    assert_eq!(source.title.as_deref(), Some("GDELT 1.0: day.export.CSV"));
    let count: f64 = r.dataset.ties[0]
        .events
        .iter()
        .map(|e| e.figures[0].value)
        .sum();
    assert_eq!(count, 150.0);
}

#[test]
fn more_than_one_percent_of_bad_rows_is_refused_with_their_lines() {
    let bytes = many_gdelt_rows(50, "2\t20210631\tx\n3\t2021-06-01\n");
    let e = read_events("day.export.CSV", &bytes, Options::default(), today()).unwrap_err();
    assert_eq!(e.file, "day.export.CSV");
    assert_eq!(e.error.line, Some(51));
    assert_eq!(
        e.to_string(),
        "day.export.CSV: line 51: 2 of 52 rows could not be read, more than 1%: line 51: 3 columns; GDELT 1.0 rows have 57 or 58; line 52: 2 columns; GDELT 1.0 rows have 57 or 58"
    );
}

#[test]
fn a_bad_date_is_a_bad_row() {
    let text = String::from_utf8(fixture("gdelt1.export.CSV")).unwrap();
    let bad = text
        .lines()
        .next()
        .unwrap()
        .replacen("20210603", "20210631", 1);
    let e = read_events("x.CSV", bad.as_bytes(), Options::default(), today()).unwrap_err();
    assert_eq!(
        e.to_string(),
        "x.CSV: line 1: 1 of 1 row could not be read, more than 1%: line 1: \"20210631\" is not a date (YYYYMMDD)"
    );
}

#[test]
fn nothing_left_after_the_restriction_is_refused() {
    let options = Options {
        actors: vec!["Japan".into()],
        ..Options::default()
    };
    let e = read_events(
        "gdelt1.export.CSV",
        &fixture("gdelt1.export.CSV"),
        options,
        today(),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "gdelt1.export.CSV: nothing is left of 7 rows: 0 could not be read, 1 name no actor on one side, 1 name one actor on both, 5 fall outside the restriction"
    );
}

#[test]
fn restricting_to_an_actor_dates_and_a_minimum_count() {
    let options = Options {
        actors: vec!["china".into()],
        from: Some("2021-06-10".parse().unwrap()),
        until: Some("2021-06".parse().unwrap()),
        ..Options::default()
    };
    let r = read("gdelt1.export.CSV", options);
    assert_eq!(events(&r.dataset).len(), 2);
    assert_eq!(r.dataset.ties[0].events[0].figures[0].value, 1.0);
    let restricted = r
        .notices
        .iter()
        .find(|n| n.kind == NoticeKind::Restricted)
        .unwrap();
    assert_eq!(
        restricted.message,
        "Left out by the restriction: 3 rows outside the chosen actors or dates"
    );
    let options = Options {
        actors: vec!["PAK".into()],
        min_count: 2,
        ..Options::default()
    };
    let r = read("gdelt1.export.CSV", options);
    assert_eq!(
        actors(&r.dataset),
        [
            "PAK Pakistan (33.7215, 73.0433)",
            "CHN China (39.9075, 116.3972)"
        ]
    );
    assert_eq!(
        notices(&r)[2],
        "Restricted 2: Left out by the restriction: 2 ties with fewer than 2 rows"
    );
}

#[test]
fn periods_group_by_day_or_year() {
    let by = |period| {
        let r = read(
            "gdelt1.export.CSV",
            Options {
                period,
                ..Options::default()
            },
        );
        r.dataset.ties[0]
            .events
            .iter()
            .map(|e| e.date.to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(by(Period::Day), ["2021-06-03", "2021-06-15", "2021-06-20"]);
    assert_eq!(by(Period::Year), ["2021", "2021"]);
}

#[test]
fn the_goldstein_score_can_give_the_tone() {
    let mut options = Options::default();
    options.mapping.tone_by = ToneBy::Goldstein;
    options.mapping.hostile_below = -5.0;
    options.mapping.strained_below = 2.0;
    let r = read("gdelt1.export.CSV", options);
    let tones: Vec<&str> = r
        .dataset
        .ties
        .iter()
        .flat_map(|t| &t.events)
        .map(|e| e.tone.as_str())
        .collect();
    // Goldstein 1 and 1.9 (strained), 6.4 (cooperative), -10 (hostile), -2 (strained).
    assert_eq!(tones, ["strained", "cooperative", "hostile", "strained"]);
    let rules = &r.dataset.provenance.as_ref().unwrap().mapping;
    assert_eq!(rules.last().unwrap().code, "Goldstein >= 2");
}

#[test]
fn the_mapping_can_be_changed_and_the_provenance_keeps_it() {
    let mut options = Options::default();
    options
        .mapping
        .cameo
        .push(entente::load::events::CameoKind {
            code: "04".into(),
            kind: entente::model::Kind::Economic,
        });
    let r = read("gdelt1.export.CSV", options);
    assert_eq!(r.dataset.ties[0].events[0].kind.as_str(), "economic");
    let json = serde_json::to_string(&r.dataset.provenance).unwrap();
    assert!(
        json.contains(r#"{"code":"CAMEO 062","kind":"defense"}"#),
        "{json}"
    );
    assert!(
        json.contains(r#"{"code":"QuadClass 3","tone":"strained"}"#),
        "{json}"
    );
    let back = entente::load::from_json(&serde_json::to_string(&r.dataset).unwrap()).unwrap();
    assert_eq!(back, r.dataset);
}

#[test]
fn every_format_is_recognised_from_its_content() {
    for (name, format) in [
        ("gdelt1.export.CSV", EventFormat::Gdelt1),
        ("gdelt2.export.CSV", EventFormat::Gdelt2),
        ("icews.events.2021.tab", EventFormat::Icews),
        ("sipri-trade-register.csv", EventFormat::Sipri),
        ("dyadic_mid_4.02.csv", EventFormat::Cow),
        ("contdird.csv", EventFormat::Cow),
        ("directed_dyadic_war.csv", EventFormat::Cow),
    ] {
        assert_eq!(EventFormat::detect(&fixture(name)), Some(format), "{name}");
    }
    for other in [
        "tests/fixtures/csv/pair.events.csv",
        "tests/fixtures/csv/pair.actors.csv",
        "data/pakistan-2021.json",
    ] {
        let bytes = std::fs::read(other).unwrap();
        assert_eq!(EventFormat::detect(&bytes), None, "{other}");
    }
}

#[test]
fn a_file_read_in_chunks_of_any_size_reads_alike() {
    for name in [
        "gdelt1.export.CSV",
        "icews.events.2021.tab",
        "sipri-trade-register.csv",
        "dyadic_mid_4.02.csv",
    ] {
        let bytes = fixture(name);
        let whole = read(name, Options::default());
        for size in [1, 2, 7, 64, 333] {
            let format = EventFormat::detect(&bytes).unwrap();
            let mut reader = EventReader::new(format, name, Options::default(), today());
            for chunk in bytes.chunks(size) {
                reader.push(chunk);
            }
            let r = reader.finish().unwrap();
            assert_eq!(r.dataset, whole.dataset, "{name} in chunks of {size}");
            assert_eq!(r.notices, whole.notices, "{name} in chunks of {size}");
        }
    }
}

mod aggregation {
    use super::*;
    use proptest::prelude::*;

    const CODES: [&str; 6] = ["PAK", "CHN", "IND", "USA", "AFG", "TUR"];
    const EVENTS: [(&str, u8); 6] = [
        ("040", 1),
        ("061", 2),
        ("072", 2),
        ("111", 3),
        ("190", 4),
        ("0234", 1),
    ];

    fn row((a, b, day, event, gs): (usize, usize, u8, usize, i8)) -> String {
        let text = String::from_utf8(fixture("gdelt1.export.CSV")).unwrap();
        let mut cells: Vec<String> = text
            .lines()
            .next()
            .unwrap()
            .split('\t')
            .map(String::from)
            .collect();
        cells[1] = format!("202106{day:02}");
        cells[7] = CODES[a].into();
        cells[17] = CODES[b].into();
        cells[26] = EVENTS[event].0.into();
        cells[29] = EVENTS[event].1.to_string();
        cells[30] = gs.to_string();
        cells[57] = format!("https://news{}.example/{day}", gs.rem_euclid(9));
        cells.join("\t")
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// However rows fall into groups, the events' counts add up to the rows between two
        /// different actors, no event cites more than five sources, and the mean Goldstein
        /// score stays within the rows' range.
        #[test]
        fn aggregation_keeps_the_total_count(
            rows in proptest::collection::vec((0..6usize, 0..6usize, 1..29u8, 0..6usize, -10..=10i8), 1..200),
            period in prop_oneof![Just(Period::Day), Just(Period::Month), Just(Period::Year)],
        ) {
            let text: Vec<String> = rows.iter().map(|r| row(*r)).collect();
            let kept = rows.iter().filter(|r| r.0 != r.1).count();
            let options = Options { period, ..Options::default() };
            let read = read_events("p.CSV", (text.join("\n") + "\n").as_bytes(), options, today());
            if kept == 0 {
                prop_assert!(read.is_err());
                return Ok(());
            }
            let read = read.unwrap();
            validate(&read.dataset).unwrap();
            let events: Vec<_> = read.dataset.ties.iter().flat_map(|t| &t.events).collect();
            let total: f64 = events.iter().map(|e| e.figures[0].value).sum();
            prop_assert_eq!(total, kept as f64);
            for e in events {
                prop_assert!(e.sources.len() <= 5);
                let mean = e.figures[1].value;
                prop_assert!((-10.0..=10.0).contains(&mean));
            }
        }
    }
}

#[test]
fn sipri_transfers_are_added_to_the_articles_dataset_by_country() {
    let text = std::fs::read_to_string("data/pakistan-2021.json").unwrap();
    let current = entente::load::from_json(&text).unwrap();
    let sipri = read("sipri-trade-register.csv", Options::default());
    let (merged, notice) = entente::load::events::add_to(&current, &sipri.dataset);
    validate(&merged).unwrap();
    assert_eq!(merged.actors.len(), current.actors.len());
    assert_eq!(merged.title, current.title);
    assert_eq!(notice.count, 4);
    assert_eq!(
        notice.message,
        "Added 4 events from SIPRI trade register: sipri-trade-register.csv, onto 2 existing ties and 0 new ties; matched to actors already shown: China, Pakistan, Turkey"
    );
    let pak_chn = merged
        .ties
        .iter()
        .find(|t| {
            [&t.source, &t.target] == ["PAK", "CHN"] || [&t.source, &t.target] == ["CHN", "PAK"]
        })
        .unwrap();
    let before = current
        .ties
        .iter()
        .find(|t| [&t.source, &t.target] == [&pak_chn.source, &pak_chn.target])
        .unwrap();
    assert_eq!(pak_chn.events.len(), before.events.len() + 2);
    assert!(pak_chn.events.windows(2).all(|w| w[0].date <= w[1].date));
}

#[test]
fn names_the_dataset_does_not_have_become_new_actors_when_added() {
    let text = std::fs::read_to_string("data/pakistan-2021.json").unwrap();
    let current = entente::load::from_json(&text).unwrap();
    let mids = read("dyadic_mid_4.02.csv", Options::default());
    let (merged, notice) = entente::load::events::add_to(&current, &mids.dataset);
    validate(&merged).unwrap();
    assert_eq!(merged.actors.len(), current.actors.len() + 1);
    assert_eq!(
        notice.message,
        "Added 3 events from Correlates of War: dyadic_mid_4.02.csv, onto 2 existing ties and 1 new tie; matched to actors already shown: Pakistan, India, Afghanistan; new actors: COW 999"
    );
}

#[test]
fn gdelt_bytes_that_are_not_utf8_are_latin_1_and_blank_lines_are_skipped() {
    let text = String::from_utf8(fixture("gdelt1.export.CSV")).unwrap();
    let first = text.lines().next().unwrap();
    // A Latin-1 "é" (0xE9) in a place name no one reads, and in the address, which is read.
    let mut bytes = first
        .replace("Islamabad, Islamabad", "Islamabad, Isl\u{1}mabad")
        .replace("news/1627311", "news/caf\u{1}")
        .into_bytes();
    for b in bytes.iter_mut().filter(|b| **b == 1) {
        *b = 0xE9;
    }
    bytes.extend_from_slice(b"\n   \n");
    let r = read_events("latin.export.CSV", &bytes, Options::default(), today()).unwrap();
    assert_eq!(r.rows, 1, "the blank line is no row");
    let source = &r.dataset.ties[0].events[0].sources[0];
    assert_eq!(
        source.url.as_deref(),
        Some("https://www.dawn.com/news/café")
    );
    assert_eq!(source.outlet, "dawn.com");
}

/// An ICEWS file with these CAMEO codes in its `CAMEO Code` column, one row each, Pakistan to a
/// different country per row (so each row is an event of its own).
fn icews_with_codes(codes: &[&str]) -> Vec<u8> {
    let text = String::from_utf8(fixture("icews.events.2021.tab")).unwrap();
    let mut out = format!("{}\n", text.lines().next().unwrap());
    let targets = [
        "China", "India", "Turkey", "Qatar", "Russia", "Iran", "Egypt",
    ];
    for (i, code) in codes.iter().enumerate() {
        out.push_str(&format!(
            "{i}\t2021-06-0{}\tImran Khan\tGovernment\tPakistan\tEvent\t{code}\t1.0\tX\tGovernment\t{}\t1\t1\tDawn\tNA\tNA\tNA\tPakistan\t33.72\t73.04\n",
            i + 1,
            targets[i]
        ));
    }
    out.into_bytes()
}

#[test]
fn icews_codes_without_their_leading_zero_read_as_with_it() {
    let read = |codes: &[&str]| {
        let r = read_events(
            "icews.tab",
            &icews_with_codes(codes),
            Options::default(),
            today(),
        )
        .unwrap();
        assert_eq!(r.format, EventFormat::Icews);
        events(&r.dataset)
    };
    // 043 visit, 062 military cooperation, 0231 appeal for economic aid, 010 statement, 190
    // fighting, 1011 demand: written as ICEWS's numbers drop the zero, and as CAMEO writes them.
    let with = read(&["043", "062", "0231", "010", "190", "1011"]);
    let without = read(&["43", "62", "231", "10", "190", "1011"]);
    assert_eq!(without, with);
    let kinds: Vec<&str> = with
        .iter()
        .map(|e| e.split(" | ").next().unwrap())
        .collect();
    assert_eq!(
        kinds,
        &[
            "PAK-CHN 2021-06 diplomatic cooperative",
            "PAK-IND 2021-06 defense cooperative",
            "PAK-TUR 2021-06 diplomatic cooperative",
            "PAK-QAT 2021-06 diplomatic cooperative",
            "PAK-RUS 2021-06 conflict hostile",
            "PAK-IRN 2021-06 diplomatic strained",
        ]
    );
    assert!(
        with[3].contains("(CAMEO 01)"),
        "010 is root 01: {}",
        with[3]
    );
    // A code of five digits or with a letter is a bad row that names it as written.
    let r = read_events(
        "icews.tab",
        &icews_with_codes(&["043", "4a"]),
        Options::default(),
        today(),
    );
    let err = r.err().unwrap().to_string();
    assert!(err.contains("\"4a\" is not a CAMEO event code"), "{err}");
}
