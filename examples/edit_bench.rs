//! Times edits, undo and redo on synthetic datasets up to 50,000 actors, and the size of the kept
//! history (README, "Editing"): `cargo run --release --example edit_bench`.

#[path = "../tests/scale/mod.rs"]
mod scale;

use entente::edit::{Editor, Op};
use entente::load::from_json;
use std::time::Instant;

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1e3
}

fn main() {
    println!("| actors | ties | events | add event | update actor | merge actors | undo | redo | history of 200 steps |");
    println!("|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
    let today = "2026-12-02".parse().unwrap();
    for (actors, ties) in [(1_000, 2_000), (10_000, 20_000), (50_000, 100_000)] {
        let d = from_json(&scale::json(actors, ties, 2)).unwrap();
        let events: usize = d.ties.iter().map(|t| t.events.len()).sum();
        let (a, b) = (d.actors[0].id.clone(), d.actors[actors - 1].id.clone());
        let event = d.ties[0].events[0].clone();
        let mut e = Editor::new(d);
        let t = Instant::now();
        e.apply(
            Op::AddEvent {
                source: a.clone(),
                target: b.clone(),
                event,
            },
            today,
        )
        .unwrap();
        let add = ms(t);
        let mut actor = e.dataset().actors[1].clone();
        actor.name.push_str(" (renamed)");
        let t = Instant::now();
        e.apply(
            Op::UpdateActor {
                id: actor.id.clone(),
                actor,
            },
            today,
        )
        .unwrap();
        let update = ms(t);
        let (keep, merge) = (
            e.dataset().actors[2].id.clone(),
            e.dataset().actors[3].id.clone(),
        );
        let t = Instant::now();
        e.apply(Op::MergeActors { keep, merge }, today).unwrap();
        let merged = ms(t);
        let t = Instant::now();
        e.undo().unwrap();
        let undo = ms(t);
        let t = Instant::now();
        e.redo().unwrap();
        let redo = ms(t);
        for k in 0..197 {
            let mut actor = e.dataset().actors[4].clone();
            actor.lat = f64::from(k) / 10.0;
            e.apply(
                Op::UpdateActor {
                    id: actor.id.clone(),
                    actor,
                },
                today,
            )
            .unwrap();
        }
        let (undo_steps, _) = e.steps();
        let kept = serde_json::to_string(&undo_steps).unwrap().len();
        println!(
            "| {actors} | {ties} | {events} | {add:.1} ms | {update:.1} ms | {merged:.1} ms | {undo:.1} ms | {redo:.1} ms | {} steps, {:.1} KB |",
            undo_steps.len(),
            kept as f64 / 1024.0
        );
    }
}
