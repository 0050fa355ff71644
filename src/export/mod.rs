//! Writing a dataset in every format Entente reads: Entente JSON, CSV (events and actors),
//! GEXF 1.3 and GraphML. Reading a written file back gives the same dataset (CSV keeps no
//! title, description or provenance).

mod csv;
mod gexf;
mod graphml;
mod xml;

use crate::load::{Format, Notice, NoticeKind};
use crate::model::Dataset;

/// One written file: what follows the dataset's base name (`json`, `events.csv`), its media
/// type, and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    pub suffix: &'static str,
    pub mime: &'static str,
    pub text: String,
}

/// Writes `dataset` in `format`: one file, or two for CSV (events, then actors).
///
/// # Errors
/// Only if a value cannot be written as JSON, which a validated dataset never has.
///
/// # Example
/// ```
/// use entente::{export::export, load::{from_json, Format}};
/// let text = std::fs::read_to_string("tests/fixtures/json/minimal.json").unwrap();
/// let files = export(&from_json(&text).unwrap(), Format::Csv).unwrap();
/// assert_eq!(files[0].suffix, "events.csv");
/// assert!(files[0].text.starts_with("source,target,date,end,kind,tone,summary,outlet,outlet_date"));
/// ```
pub fn export(dataset: &Dataset, format: Format) -> Result<Vec<OutputFile>, serde_json::Error> {
    Ok(match format {
        Format::Json => vec![OutputFile {
            suffix: "json",
            mime: "application/json",
            text: serde_json::to_string_pretty(dataset)? + "\n",
        }],
        Format::Csv => {
            let (events, actors) = csv::write_csv(dataset)?;
            vec![
                OutputFile {
                    suffix: "events.csv",
                    mime: "text/csv",
                    text: events,
                },
                OutputFile {
                    suffix: "actors.csv",
                    mime: "text/csv",
                    text: actors,
                },
            ]
        }
        Format::Gexf => vec![OutputFile {
            suffix: "gexf",
            mime: "application/xml",
            text: gexf::write_gexf(dataset)?,
        }],
        Format::Graphml => vec![OutputFile {
            suffix: "graphml",
            mime: "application/xml",
            text: graphml::write_graphml(dataset)?,
        }],
    })
}

/// What an export in `format` leaves out of `dataset`, in words: CSV, GEXF and GraphML have no
/// place for the story (Entente JSON keeps everything).
///
/// # Example
/// ```
/// use entente::{export::notices, load::{from_json, Format}};
/// let d = from_json(&std::fs::read_to_string("data/pakistan-2021.json").unwrap()).unwrap();
/// assert!(notices(&d, Format::Json).is_empty());
/// assert!(notices(&d, Format::Gexf)[0].message.contains("story"));
/// ```
pub fn notices(dataset: &Dataset, format: Format) -> Vec<Notice> {
    match (&dataset.story, format) {
        (_, Format::Json) | (None, _) => Vec::new(),
        (Some(story), _) => vec![Notice::new(
            NoticeKind::StoryLeftOut,
            story.steps.len(),
            format!(
                "The story \"{}\" ({} steps) is left out: {} has no place for it. Export as JSON to keep it.",
                story.title,
                story.steps.len(),
                format.as_str().to_uppercase()
            ),
        )],
    }
}
