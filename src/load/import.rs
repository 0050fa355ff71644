//! One entry for every format: recognize each file by its content and name, read it, and hand
//! back the dataset with the notices of what was assumed.

use super::csv::read_csv;
use super::gexf::read_gexf;
use super::graph::{into_dataset, File};
use super::graphml::read_graphml;
use super::notice::{ImportError, Imported};
use super::{from_json, MAX_INPUT_BYTES};
use crate::date::Date;
use crate::error::{ErrorKind, LoadError};
use serde::Serialize;

/// A format Entente reads and writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Entente JSON (`entente/1`), the format of `data/schema.json`.
    Json,
    /// An events CSV, with an optional actors CSV.
    Csv,
    /// GEXF 1.1–1.3, as Gephi writes it.
    Gexf,
    /// GraphML.
    Graphml,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Json, Format::Csv, Format::Gexf, Format::Graphml];

    /// The format's short name: `json`, `csv`, `gexf`, `graphml`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Gexf => "gexf",
            Format::Graphml => "graphml",
        }
    }

    /// The format with this short name, ignoring case.
    pub fn from_name(name: &str) -> Option<Format> {
        Format::ALL
            .into_iter()
            .find(|f| f.as_str().eq_ignore_ascii_case(name.trim()))
    }

    /// The format of a file, from its content where that is decisive (`{` is JSON; an XML
    /// root of `<gexf>` or `<graphml>`) and otherwise from its extension.
    pub fn detect(name: &str, text: &str) -> Option<Format> {
        let body = text.trim_start_matches('\u{feff}').trim_start();
        if body.starts_with('{') {
            return Some(Format::Json);
        }
        if body.starts_with('<') {
            let head: String = body.chars().take(8192).collect();
            return match (head.find("<gexf"), head.find("<graphml")) {
                (Some(a), Some(b)) => Some(if a < b { Format::Gexf } else { Format::Graphml }),
                (Some(_), None) => Some(Format::Gexf),
                (None, Some(_)) => Some(Format::Graphml),
                (None, None) => None,
            };
        }
        let ext = name.rsplit_once('.').map(|(_, e)| e.to_ascii_lowercase());
        match ext.as_deref() {
            Some("json") => Some(Format::Json),
            Some("gexf") => Some(Format::Gexf),
            Some("graphml") => Some(Format::Graphml),
            Some("csv" | "tsv" | "txt") => Some(Format::Csv),
            _ if body
                .lines()
                .next()
                .is_some_and(|l| l.contains([',', ';', '\t'])) =>
            {
                Some(Format::Csv)
            }
            _ => None,
        }
    }
}

/// A file handed to [`import`]: its name (for the format, messages and defaults) and text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InputFile<'a> {
    pub name: &'a str,
    pub text: &'a str,
}

/// Reads a dataset from one file, or from an events CSV and an actors CSV (in either order).
///
/// `today` dates the events of files that give no date and no date of their own.
///
/// # Errors
/// An [`ImportError`] naming the file, and in it the line, column, record and field at fault;
/// files over [`MAX_INPUT_BYTES`], empty files, unknown formats and impossible combinations of
/// files are refused too.
///
/// # Example
/// ```
/// use entente::load::{import, InputFile};
/// let csv = "source,target,date,kind,tone,summary,outlet,outlet_date\n\
///            PAK,TUR,2018-07,defense,cooperative,Helicopter deal signed.,Dawn,2021-03-17\n";
/// let today = "2026-01-01".parse().unwrap();
/// let imported = import(&[InputFile { name: "deals.csv", text: csv }], today).unwrap();
/// assert_eq!(imported.dataset.ties[0].events[0].sources[0].outlet, "Dawn");
/// ```
pub fn import(files: &[InputFile<'_>], today: Date) -> Result<Imported, ImportError> {
    let refuse = |file: &str, kind, message: String| ImportError {
        file: file.to_string(),
        error: LoadError::at(kind, "", message),
    };
    let mut found = Vec::with_capacity(files.len());
    for f in files {
        if f.text.len() > MAX_INPUT_BYTES {
            let message = format!(
                "the file is {} bytes; the limit is {MAX_INPUT_BYTES} bytes ({} MiB)",
                f.text.len(),
                MAX_INPUT_BYTES >> 20
            );
            return Err(refuse(f.name, ErrorKind::TooLarge, message));
        }
        if f.text.trim_start_matches('\u{feff}').trim().is_empty() {
            return Err(refuse(f.name, ErrorKind::Empty, "the file is empty".into()));
        }
        let format = Format::detect(f.name, f.text).ok_or_else(|| unknown(f))?;
        found.push((*f, format));
    }
    match found.as_slice() {
        [] => Err(refuse("", ErrorKind::Empty, "no file was given".into())),
        [(f, Format::Json)] => {
            let dataset = from_json(f.text).map_err(|error| ImportError {
                file: f.name.to_string(),
                error,
            })?;
            Ok(Imported {
                dataset,
                format: Format::Json,
                notices: Vec::new(),
            })
        }
        [(f, Format::Csv)] => read_csv(*f, None, today),
        [(a, Format::Csv), (b, Format::Csv)] => {
            let (events, actors) = if is_events_csv(a.text) {
                (a, b)
            } else {
                (b, a)
            };
            if !is_events_csv(events.text) || is_events_csv(actors.text) {
                let message = "of two CSV files, one must be the events file (with source and target columns) and the other the actors file (with an id column)";
                return Err(refuse(
                    actors.name,
                    ErrorKind::UnknownFileType,
                    message.into(),
                ));
            }
            read_csv(*events, Some(*actors), today)
        }
        [(f, format @ (Format::Gexf | Format::Graphml))] => {
            let read = if *format == Format::Gexf {
                read_gexf
            } else {
                read_graphml
            };
            let graph = read(f.text).map_err(|error| ImportError {
                file: f.name.to_string(),
                error,
            })?;
            into_dataset(
                graph,
                File {
                    name: f.name,
                    text: f.text,
                    format: *format,
                    today,
                },
            )
        }
        [(first, _), (second, _)] => Err(refuse(
            second.name,
            ErrorKind::UnknownFileType,
            format!(
                "only an events CSV and an actors CSV can be read together; {} and {} cannot",
                first.name, second.name
            ),
        )),
        [_, _, third, ..] => Err(refuse(
            third.0.name,
            ErrorKind::UnknownFileType,
            format!(
                "{} files were given; a dataset is one file, or an events CSV with an actors CSV",
                found.len()
            ),
        )),
    }
}

/// Why a file's format is not recognized; for XML, located at its root element.
fn unknown(f: &InputFile<'_>) -> ImportError {
    let root = f.text.match_indices('<').map(|(i, _)| i).find(|&i| {
        let next = f.text[i + 1..].chars().next();
        next.is_some_and(|c| c != '?' && c != '!')
    });
    let error = match root.filter(|_| {
        f.text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .starts_with('<')
    }) {
        Some(at) => {
            let (line, column) = super::locate::line_col(f.text, at);
            let name: String = f.text[at + 1..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.'))
                .collect();
            LoadError::at(
                ErrorKind::UnknownFileType,
                "",
                format!("the root element is <{name}>: an XML file Entente reads is GEXF (<gexf>) or GraphML (<graphml>)"),
            )
            .with_position(line, column)
        }
        None => LoadError::at(
            ErrorKind::UnknownFileType,
            "",
            "this is not a format Entente reads: Entente JSON, CSV, GEXF or GraphML",
        ),
    };
    ImportError {
        file: f.name.to_string(),
        error,
    }
}

/// Whether a CSV's header names the `source` and `target` columns of an events file.
fn is_events_csv(text: &str) -> bool {
    let header = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let cells: Vec<&str> = header
        .split([',', ';', '\t'])
        .map(|c| c.trim().trim_matches('"'))
        .collect();
    cells.contains(&"source") && cells.contains(&"target")
}
