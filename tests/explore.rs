//! Native tests of what the exploring page asks of the core: evidence per tie, neighbourhoods,
//! the events-per-year chart (parsed back as XML).

use entente::chart::{describe, events_per_year, render_svg, year_position};
use entente::date::Date;
use entente::evidence::{citations, hops, single_sourced, tie_detail};
use entente::load::from_json;
use entente::model::{ActorType, Kind, KindSet};
use entente::network::{Filter, Network};
use entente::style::Theme;
use std::collections::{BTreeMap, BTreeSet};

const DATASET: &str = include_str!("../data/pakistan-2021.json");

fn pakistan() -> Network {
    Network::new(from_json(DATASET).unwrap()).unwrap()
}

fn tie_between(net: &Network, a: &str, b: &str) -> u32 {
    let (a, b) = (net.find(a).unwrap(), net.find(b).unwrap());
    (0..net.tie_count() as u32)
        .find(|&t| {
            let e = net.ends(t);
            e == [a, b] || e == [b, a]
        })
        .unwrap()
}

fn attr<'a>(n: &roxmltree::Node<'a, 'a>, name: &str) -> f64 {
    n.attribute(name).unwrap().parse().unwrap()
}

fn texts(doc: &roxmltree::Document) -> Vec<String> {
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.text().unwrap_or("").trim().to_string())
        .collect()
}

fn no_style_attributes(doc: &roxmltree::Document) {
    for n in doc.descendants().filter(|n| n.is_element()) {
        assert!(
            n.attribute("style").is_none(),
            "<{}> has a style attribute",
            n.tag_name().name()
        );
        assert!(!n.has_tag_name("style") && !n.has_tag_name("script"));
    }
}

#[test]
fn citations_count_distinct_reports() {
    let net = pakistan();
    let tur = tie_between(&net, "PAK", "TUR");
    let events = &net.tie(tur).events;
    let reports: BTreeSet<_> = events
        .iter()
        .flat_map(|e| &e.sources)
        .map(|s| (s.outlet.clone(), s.date))
        .collect();
    assert_eq!(citations(events), reports.len());
    assert!(reports.len() > 1, "Pakistan–Turkey cites several reports");
}

#[test]
fn single_source_flags_follow_the_filter() {
    let net = pakistan();
    let filter = Filter::default();
    let visible = net.visible(&filter);
    let single = single_sourced(&net, &visible, &filter);
    assert_eq!(single.len(), visible.ties.len());
    for (k, &t) in visible.ties.iter().enumerate() {
        assert_eq!(single[k], citations(&net.tie(t).events) == 1, "tie {t}");
    }
    assert!(single.iter().any(|s| *s) && single.iter().any(|s| !*s));
    // Seen as of the first event's date, every tie shown has one or two events: fewer reports.
    let (first, _) = net.date_range().unwrap();
    let early = Filter {
        until: Some(first),
        ..filter
    };
    let v = net.visible(&early);
    let s = single_sourced(&net, &v, &early);
    assert_eq!(s.len(), v.ties.len());
}

#[test]
fn a_tie_detail_lists_both_actors_and_its_admitted_events_in_date_order() {
    let net = pakistan();
    let tur = tie_between(&net, "PAK", "TUR");
    let d = tie_detail(&net, tur, &Filter::default()).unwrap();
    let names = [d.source_name, d.target_name];
    assert!(names.contains(&"Pakistan") && names.contains(&"Turkey"));
    assert!(d.events.windows(2).all(|w| w[0].date <= w[1].date));
    assert_eq!(d.events.len(), net.tie(tur).events.len());
    assert_eq!(d.tone, d.events.last().unwrap().tone);
    let defense_only = Filter {
        kinds: KindSet::NONE.with(Kind::Defense),
        ..Filter::default()
    };
    let d2 = tie_detail(&net, tur, &defense_only).unwrap();
    assert!(d2.events.iter().all(|e| e.kind == Kind::Defense));
    assert_eq!(d2.kinds, vec![Kind::Defense]);
    assert!(tie_detail(&net, 10_000, &Filter::default()).is_none());
    let no_states = Filter {
        actor_types: ActorType::MASK & !ActorType::State.bit(),
        ..Filter::default()
    };
    assert!(tie_detail(&net, tur, &no_states).is_none());
}

/// Actors `A0..A{n}` with a tie for each pair of `pairs`, each with one event.
fn chain(n: usize, pairs: &[(usize, usize)]) -> Network {
    let actors: Vec<String> = (0..n)
        .map(|i| format!(r#"{{"id":"A{i}","name":"Actor {i}","type":"state","lat":0,"lon":0}}"#))
        .collect();
    let ties: Vec<String> = pairs
        .iter()
        .map(|(a, b)| {
            format!(
                r#"{{"source":"A{a}","target":"A{b}","events":[{{"date":"2021","kind":"defense","tone":"cooperative","summary":"s","sources":[{{"outlet":"o","date":"2021"}}]}}]}}"#
            )
        })
        .collect();
    let json = format!(
        r#"{{"format":"entente/1","title":"chain","actors":[{}],"ties":[{}]}}"#,
        actors.join(","),
        ties.join(",")
    );
    Network::from_json(&json).unwrap()
}

#[test]
fn hops_count_steps_over_the_ties_let_through() {
    // 0 - 1 - 2 - 3 - 4, and 5 alone; tie 3 (3 - 4) is not let through.
    let net = chain(6, &[(0, 1), (1, 2), (2, 3), (3, 4)]);
    let through = |t: u32| t != 3;
    assert_eq!(hops(&net, 0, 1, through), vec![0, 1, 255, 255, 255, 255]);
    assert_eq!(hops(&net, 0, 2, through), vec![0, 1, 2, 255, 255, 255]);
    assert_eq!(hops(&net, 2, 9, through), vec![2, 1, 0, 1, 255, 255]);
    assert_eq!(hops(&net, 2, 9, |_| true), vec![2, 1, 0, 1, 2, 255]);
    assert_eq!(hops(&net, 4, 9, |_| true), vec![4, 3, 2, 1, 0, 255]);
    assert_eq!(hops(&net, 0, 0, |_| true), vec![0, 255, 255, 255, 255, 255]);
    assert_eq!(
        hops(&net, 7, 2, through),
        vec![255; 6],
        "an unknown start reaches nothing"
    );
    // A hub: every leaf one hop away, each reached once.
    let star = chain(5, &[(0, 1), (0, 2), (3, 0), (0, 4)]);
    assert_eq!(hops(&star, 0, 1, |_| true), vec![0, 1, 1, 1, 1]);
    assert_eq!(hops(&star, 3, 2, |_| true), vec![1, 2, 2, 0, 2]);
}

#[test]
fn events_per_year_counts_every_admitted_event_once() {
    let net = pakistan();
    let all = events_per_year(&net, &Filter::default());
    let (first, last) = net.date_range().unwrap();
    assert_eq!(all.first_year, first.year());
    assert_eq!(all.counts.len() as i32, last.year() - first.year() + 1);
    let total: u32 = all.counts.iter().flatten().sum();
    let events: usize = net.dataset().ties.iter().map(|t| t.events.len()).sum();
    assert_eq!(total as usize, events);
    // The date limit is marked, not counted: the chart keeps every year.
    let cut = Filter {
        until: Some(first),
        ..Filter::default()
    };
    assert_eq!(events_per_year(&net, &cut), all);
    let conflict = Filter {
        kinds: KindSet::NONE.with(Kind::Conflict),
        ..Filter::default()
    };
    let c = events_per_year(&net, &conflict);
    assert!(c.counts.iter().all(|y| y[0] == 0 && y[1] == 0 && y[2] == 0));
    assert_eq!(
        c.counts.iter().map(|y| y[3]).sum::<u32>(),
        all.counts.iter().map(|y| y[3]).sum::<u32>()
    );
}

#[test]
fn year_positions_place_a_date_within_its_year() {
    assert_eq!(year_position(Date::year_only(2020), 2018), 2.0);
    let mid = year_position("2021-07-02".parse().unwrap(), 2021);
    assert!((mid - 0.5).abs() < 0.01, "{mid}");
}

#[test]
fn the_chart_has_one_bar_group_per_year_with_events() {
    let net = pakistan();
    let counts = events_per_year(&net, &Filter::default());
    let svg = render_svg(
        &counts,
        Some("2020-06-01".parse().unwrap()),
        480,
        120,
        Theme::Light,
    )
    .unwrap();
    let doc = roxmltree::Document::parse(&svg).expect("the chart is well-formed XML");
    no_style_attributes(&doc);
    let colours: BTreeMap<String, usize> = Kind::ALL
        .iter()
        .map(|k| {
            (
                k.style().colour(Theme::Light).to_string().to_uppercase(),
                *k as usize,
            )
        })
        .collect();
    // Bars: rects filled with a kind colour, grouped by their x.
    let mut groups: BTreeMap<i64, Vec<(usize, f64)>> = BTreeMap::new();
    for r in doc.descendants().filter(|n| n.has_tag_name("rect")) {
        let fill = r.attribute("fill").unwrap_or("").to_uppercase();
        if let Some(&k) = colours.get(&fill) {
            groups
                .entry(attr(&r, "x") as i64)
                .or_default()
                .push((k, attr(&r, "height")));
        }
    }
    let years_with_events: Vec<usize> = (0..counts.counts.len())
        .filter(|&i| counts.counts[i].iter().sum::<u32>() > 0)
        .collect();
    assert_eq!(
        groups.len(),
        years_with_events.len(),
        "one bar group per year with events"
    );
    let max = counts
        .counts
        .iter()
        .map(|c| c.iter().sum::<u32>())
        .max()
        .unwrap() as f64;
    for ((_, bars), &year) in groups.iter().zip(&years_with_events) {
        let kinds: Vec<usize> = bars.iter().map(|b| b.0).collect();
        let expected: Vec<usize> = (0..Kind::COUNT)
            .filter(|&k| counts.counts[year][k] > 0)
            .collect();
        assert_eq!(kinds, expected, "year {}", counts.first_year + year as i32);
        // Heights are proportional to the counts (each rect rounded to whole pixels).
        let height: f64 = bars.iter().map(|b| b.1).sum();
        let events = f64::from(counts.counts[year].iter().sum::<u32>());
        let expected_height = events / max * (120.0 - 26.0 - 18.0);
        assert!(
            (height - expected_height).abs() <= bars.len() as f64 + 1.0,
            "{height} vs {expected_height}"
        );
    }
    let labels = texts(&doc);
    for year in [
        counts.first_year,
        counts.first_year + counts.counts.len() as i32 - 1,
    ] {
        assert!(
            labels.contains(&year.to_string()),
            "{year} is labelled: {labels:?}"
        );
    }
    assert!(labels.contains(&"as of 2020-06-01".to_string()));
}

#[test]
fn the_as_of_line_and_its_label_never_cross_a_bar_total() {
    let net = pakistan();
    let counts = events_per_year(&net, &Filter::default());
    let mut moved = 0;
    // A marker on the first of every month of the dataset's span, at two widths.
    for width in [480u32, 1340] {
        for year in 2011..=2021 {
            for month in 1..=12 {
                let date: Date = format!("{year}-{month:02}-01").parse().unwrap();
                let svg = render_svg(&counts, Some(date), width, 80, Theme::Light).unwrap();
                let doc = roxmltree::Document::parse(&svg).unwrap();
                let line = doc
                    .descendants()
                    .find(|n| {
                        n.has_tag_name("polyline") && n.attribute("stroke-width") == Some("2")
                    })
                    .expect("the as-of line");
                let marker_x: f64 = line
                    .attribute("points")
                    .unwrap()
                    .split([',', ' '])
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap();
                let as_of = doc
                    .descendants()
                    .find(|n| n.has_tag_name("text") && n.text().unwrap_or("").contains("as of"))
                    .expect("the as-of label");
                let as_of_bottom = attr(&as_of, "y") + 11.0;
                for t in doc.descendants().filter(|n| {
                    n.has_tag_name("text")
                        && n.attribute("font-size") == Some("10")
                        && !n.text().unwrap_or("").contains("as of")
                }) {
                    let digits = t.text().unwrap().trim().len() as f64;
                    let (x, w) = (attr(&t, "x"), 6.0 * digits);
                    let (x0, x1) = match t.attribute("text-anchor") {
                        Some("start") => (x, x + w),
                        Some("end") => (x - w, x),
                        _ => (x - w / 2.0, x + w / 2.0),
                    };
                    if t.attribute("text-anchor") != Some("middle") {
                        moved += 1;
                    }
                    assert!(
                        marker_x < x0 - 1.0 || marker_x > x1 + 1.0,
                        "{date} at {width} px: the line at {marker_x} crosses the total {:?} at {x0}..{x1}",
                        t.text()
                    );
                    assert!(
                        as_of_bottom <= attr(&t, "y") - 12.0,
                        "{date}: the as-of label reaches the total {:?}",
                        t.text()
                    );
                }
            }
        }
    }
    assert!(moved > 0, "some totals had to move beside the line");
}

#[test]
fn the_chart_refuses_a_size_it_cannot_draw_and_describes_itself() {
    let net = pakistan();
    let counts = events_per_year(&net, &Filter::default());
    assert!(render_svg(&counts, None, 10, 10, Theme::Dark)
        .unwrap_err()
        .to_string()
        .contains("10×10"));
    let text = describe(&counts);
    assert!(text.contains("2021: 13 defense"), "{text}");
    let none = Filter {
        kinds: KindSet::NONE,
        ..Filter::default()
    };
    assert_eq!(
        describe(&events_per_year(&net, &none)),
        "Events per year: none shown"
    );
}

#[test]
fn the_chart_marks_both_dates_of_a_window_or_a_comparison() {
    use entente::chart::{render_marked, Since};
    let net = pakistan();
    let counts = events_per_year(&net, &Filter::default());
    let b = Some("2021-06-30".parse().unwrap());
    let draw = |shade| {
        let since = Some(Since {
            date: "2016-01-01".parse().unwrap(),
            shade,
        });
        render_marked(&counts, b, since, 480, 120, Theme::Light).unwrap()
    };
    for shade in [false, true] {
        let svg = draw(shade);
        let doc = roxmltree::Document::parse(&svg).expect("the chart is well-formed XML");
        no_style_attributes(&doc);
        let labels = texts(&doc);
        assert!(labels.contains(&"A 2016-01-01".to_string()), "{labels:?}");
        assert!(labels.contains(&"B 2021-06-30".to_string()), "{labels:?}");
        assert!(!labels.iter().any(|l| l.starts_with("as of")));
        // The window's shade: one translucent rect from A to B, under the bars.
        let shaded: Vec<_> = doc
            .descendants()
            .filter(|n| n.has_tag_name("rect") && n.attribute("opacity").is_some_and(|o| o != "1"))
            .collect();
        assert_eq!(shaded.len(), usize::from(shade), "shade {shade}");
        if shade {
            let x = attr(&shaded[0], "x");
            let w = attr(&shaded[0], "width");
            let (from, to) = (
                year_position("2016-01-01".parse().unwrap(), counts.first_year),
                year_position("2021-06-30".parse().unwrap(), counts.first_year),
            );
            let plot = 480.0 - 12.0;
            let years = counts.counts.len() as f64;
            assert!((x - (6.0 + from / years * plot)).abs() <= 2.0, "{x}");
            assert!((w - (to - from) / years * plot).abs() <= 3.0, "{w}");
        }
    }
    assert_eq!(
        render_marked(&counts, b, None, 480, 120, Theme::Light).unwrap(),
        render_svg(&counts, b, 480, 120, Theme::Light).unwrap()
    );
}

#[test]
fn two_dates_close_together_share_one_label() {
    use entente::chart::{render_marked, Since};
    let counts = events_per_year(&pakistan(), &Filter::default());
    let since = Some(Since {
        date: "2020-12-31".parse().unwrap(),
        shade: false,
    });
    let b = Some("2021-06-30".parse().unwrap());
    let svg = render_marked(&counts, b, since, 480, 120, Theme::Light).unwrap();
    let labels = texts(&roxmltree::Document::parse(&svg).unwrap());
    assert!(
        labels.contains(&"A 2020-12-31 – B 2021-06-30".to_string()),
        "{labels:?}"
    );
    assert!(!labels.iter().any(|l| l == "A 2020-12-31"), "{labels:?}");
}
