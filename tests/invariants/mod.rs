//! What must hold for any input, shared by the fuzz targets (`fuzz/fuzz_targets/`) and the
//! native replay of their corpus (`tests/fuzz_replay.rs`): no panic, messages that name a place,
//! finite positions, a CSV export that reads back as it was written (`csv_trip.rs`).

mod csv_trip;
pub use csv_trip::csv;

use arbitrary::{Result, Unstructured};
use entente::error::ErrorKind;
use entente::layout::{ForceLayout, ForceOptions, LayoutError};
use entente::load::{self, from_json, from_json_bytes, text_from_bytes, validate, InputFile};
use entente::network::{Filter, Network};

/// Any bytes as an Entente JSON file: refused with a message that names a place (or the whole
/// file), or accepted as a dataset that indexes, round-trips through JSON, filters and lays out.
pub fn json(data: &[u8]) {
    match from_json_bytes(data) {
        Err(e) => {
            let whole_file = matches!(
                e.kind,
                ErrorKind::Empty | ErrorKind::Encoding | ErrorKind::TooLarge
            );
            assert!(
                whole_file || e.line.is_some() || !e.path.is_empty(),
                "no place in {e:?}"
            );
            assert!(!e.message.is_empty());
        }
        Ok(d) => {
            let text = serde_json::to_string(&d).expect("a dataset serialises");
            assert_eq!(from_json(&text).as_ref(), Ok(&d), "round trip of {text}");
            let net = Network::new(d).expect("a loaded dataset indexes");
            let all = net.visible(&Filter::default());
            assert_eq!(all.ties.len(), net.tie_count());
            for a in 0..net.actor_count() as u32 {
                assert_eq!(
                    net.tie_views(a, &Filter::default()).len(),
                    net.ties_of(a).len()
                );
            }
            let mut layout = ForceLayout::new(
                net.actor_count(),
                &net.edge_list(),
                None,
                ForceOptions::default(),
            )
            .expect("a dataset's own edges are a valid graph");
            layout.step(3);
            finite(&layout);
        }
    }
}

/// File names the importers tell formats apart by, for [`import`]'s first byte to choose from.
const NAMES: [&str; 6] = [
    "ties.csv",
    "actors.csv",
    "network.gexf",
    "network.graphml",
    "dataset.json",
    "unnamed",
];

/// Any bytes as one file for the importers (CSV, GEXF, GraphML or JSON, the name chosen by the
/// first byte): refused with a message that names the file and a place (or the whole file), or
/// imported as a dataset that validates and round-trips through JSON.
pub fn import(data: &[u8]) {
    let Some((&pick, rest)) = data.split_first() else {
        return;
    };
    imported(NAMES[usize::from(pick) % NAMES.len()], rest);
}

/// [`import`] of the file `name` holding `bytes`.
pub fn imported(name: &str, bytes: &[u8]) {
    let Ok(text) = text_from_bytes(bytes) else {
        return;
    };
    let today = "2026-01-01".parse().expect("a date");
    match load::import(&[InputFile { name, text }], today) {
        Err(e) => {
            assert!(!e.error.message.is_empty(), "no message in {e:?}");
            assert_eq!(e.file, name);
        }
        Ok(imported) => {
            validate(&imported.dataset).expect("an imported dataset is valid");
            let json = serde_json::to_string(&imported.dataset).expect("a dataset serialises");
            assert_eq!(
                from_json(&json).as_ref(),
                Ok(&imported.dataset),
                "round trip of {json}"
            );
        }
    }
}

/// Any bytes read as a layout session: a graph (edges may be out of range, positions
/// non-finite or huge), options in their documented ranges, then up to 64 operations
/// (ticks, new edges, pins, radii, weights, temperature, new positions). Positions stay finite
/// throughout.
pub fn layout(data: &[u8]) {
    let _ = layout_session(&mut Unstructured::new(data));
}

fn layout_session(u: &mut Unstructured) -> Result<()> {
    let n = u.int_in_range(0..=48usize)?;
    let edges = edge_list(u, n)?;
    let positions: Option<Vec<f32>> = if u.arbitrary()? {
        let wrong_length = u.ratio(1, 16)?;
        let len = if wrong_length {
            u.int_in_range(0..=100)?
        } else {
            2 * n
        };
        Some((0..len).map(|_| u.arbitrary()).collect::<Result<_>>()?)
    } else {
        None
    };
    let options = ForceOptions {
        seed: u.arbitrary()?,
        link_distance: u.int_in_range(1..=400u16)? as f32,
        charge: -(u.int_in_range(0..=1000u16)? as f32),
        gravity: u.int_in_range(0..=100u8)? as f32 / 100.0,
        collide_radius: u.int_in_range(0..=60u8)? as f32,
        ..ForceOptions::default()
    };
    let mut layout = match ForceLayout::new(n, &edges, positions.as_deref(), options) {
        Ok(l) => l,
        Err(
            LayoutError::EdgeOutOfRange { .. }
            | LayoutError::OddEdgeList(_)
            | LayoutError::PositionsLength { .. },
        ) => return Ok(()),
        Err(e) => panic!("unexpected layout error {e}"),
    };
    finite(&layout);
    for _ in 0..u.int_in_range(0..=64u8)? {
        match u.int_in_range(0..=9u8)? {
            0 => {
                layout.step(u.int_in_range(1..=30)?);
            }
            1 => {
                let edges = edge_list(u, n)?;
                let alpha = unit(u)?;
                if layout.set_edges(&edges, alpha).is_err() {
                    assert!(edges.len() % 2 == 1 || edges.iter().any(|&e| e as usize >= n));
                }
            }
            2 => layout.pin(u.int_in_range(0..=n + 1)?, u.arbitrary()?, u.arbitrary()?),
            3 => layout.unpin(u.int_in_range(0..=n + 1)?),
            4 => {
                let len = if u.ratio(1, 8)? { n + 1 } else { n };
                let radii: Vec<f32> = (0..len).map(|_| u.arbitrary()).collect::<Result<_>>()?;
                assert_eq!(layout.set_radii(&radii).is_ok(), len == n);
            }
            5 => {
                let weights: Vec<f32> = (0..n).map(|_| unit(u)).collect::<Result<_>>()?;
                layout.set_weights(&weights).expect("one weight per node");
            }
            6 => layout.set_alpha(unit(u)?),
            7 => layout.set_alpha_target(unit(u)? / 10.0),
            8 => {
                let len = if u.ratio(1, 8)? { 2 * n + 2 } else { 2 * n };
                let xy: Vec<f32> = (0..len).map(|_| u.arbitrary()).collect::<Result<_>>()?;
                assert_eq!(layout.set_positions(&xy).is_ok(), len == 2 * n);
            }
            _ => layout.set_alpha_decay(unit(u)?),
        }
        finite(&layout);
    }
    Ok(())
}

/// A flat edge list over `n` nodes; now and then odd, or naming a node past the end.
fn edge_list(u: &mut Unstructured, n: usize) -> Result<Vec<u32>> {
    let len = u.int_in_range(0..=4 * n + 1)?;
    let len = if u.ratio(1, 32)? { len } else { len / 2 * 2 };
    let last = n.saturating_sub(1) as u32;
    (0..len)
        .map(|_| {
            if u.ratio(1, 64)? {
                Ok(last + u.int_in_range(1..=3)?)
            } else {
                u.int_in_range(0..=last)
            }
        })
        .collect()
}

/// A number in 0..=1, as alpha and weights are documented to be.
fn unit(u: &mut Unstructured) -> Result<f32> {
    Ok(f32::from(u.int_in_range(0..=1000u16)?) / 1000.0)
}

fn finite(layout: &ForceLayout) {
    let p = layout.positions();
    assert_eq!(p.len(), 2 * layout.node_count());
    if let Some(i) = p.iter().position(|v| !v.is_finite()) {
        panic!("position {i} is {} ({layout:?})", p[i]);
    }
}
