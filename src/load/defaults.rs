//! The defaults an import takes where a file is silent, counted per kind of assumption and
//! turned into notices at the end of the import.

use super::notice::{plural, verb, Notice, NoticeKind};
use crate::date::Date;
use crate::model::{Kind, Tone};

/// The defaults a reader applies where the file is silent.
pub(crate) const DEFAULT_KIND: Kind = Kind::Diplomatic;
pub(crate) const DEFAULT_TONE: Tone = Tone::Cooperative;

/// A count of records that took a default, with one value that did not fit, as an example.
#[derive(Debug, Default, Clone)]
pub(crate) struct Tally {
    pub count: usize,
    pub example: Option<String>,
}

impl Tally {
    pub fn add(&mut self, unfit: Option<&str>) {
        self.count += 1;
        if self.example.is_none() {
            self.example = unfit.map(str::to_string);
        }
    }

    fn example(&self) -> String {
        self.example
            .as_ref()
            .map_or(String::new(), |e| format!(" (for example \"{e}\")"))
    }
}

/// Every default an import took, counted; `record` names what the file calls a link
/// ("edge", "row") for the messages.
#[derive(Debug, Default, Clone)]
pub(crate) struct Defaults {
    pub kind: Tally,
    pub tone: Tally,
    pub date: Tally,
    pub untimed_spells: usize,
    pub source: Tally,
    pub source_date: Tally,
    pub summary: Tally,
    pub name: Tally,
    pub actor_type: Tally,
    pub coordinates: Tally,
}

/// Where the default date comes from.
#[derive(Debug, Clone, Copy)]
pub(crate) struct DefaultDate {
    pub date: Date,
    /// True when it is the file's own date, false for the day of import.
    pub from_file: bool,
}

impl Defaults {
    /// Notices for every default taken, in a fixed order.
    /// `links` and `nodes` name a file's records in the singular and plural
    /// (`("edge", "edges")`, `("node", "nodes")`).
    pub fn notices(
        &self,
        links: (&str, &str),
        nodes: (&str, &str),
        file: &str,
        date: DefaultDate,
    ) -> Vec<Notice> {
        let n = |t: &Tally| plural(t.count, links.0, links.1);
        let nodes = |t: &Tally| plural(t.count, nodes.0, nodes.1);
        let mut out = Vec::new();
        let mut push = |kind, t: &Tally, message: String| {
            if t.count > 0 {
                out.push(Notice::new(kind, t.count, message));
            }
        };
        let kinds = Kind::ALL.map(Kind::as_str).join(", ");
        push(
            NoticeKind::DefaultKind,
            &self.kind,
            format!(
                "{} {} no Entente kind ({kinds}){}: {} events are {}.",
                n(&self.kind),
                verb(self.kind.count, "has", "have"),
                self.kind.example(),
                verb(self.kind.count, "its", "their"),
                DEFAULT_KIND.as_str()
            ),
        );
        let tones = Tone::ALL.map(Tone::as_str).join(", ");
        push(
            NoticeKind::DefaultTone,
            &self.tone,
            format!(
                "{} {} no tone ({tones}){}: {} events are {}.",
                n(&self.tone),
                verb(self.tone.count, "has", "have"),
                self.tone.example(),
                verb(self.tone.count, "its", "their"),
                DEFAULT_TONE.as_str()
            ),
        );
        let whence = if date.from_file {
            "the file's own date"
        } else {
            "the day of import"
        };
        let spells = if self.untimed_spells > 0 {
            format!(
                " ({} {} times that are not calendar dates)",
                plural(self.untimed_spells, "spell", "spells"),
                verb(self.untimed_spells, "gives", "give")
            )
        } else {
            String::new()
        };
        push(
            NoticeKind::DefaultDate,
            &self.date,
            format!(
                "{} {} no date{spells}{}: {} events are dated {}, {whence}.",
                n(&self.date),
                verb(self.date.count, "has", "have"),
                self.date.example(),
                verb(self.date.count, "its", "their"),
                date.date
            ),
        );
        push(
            NoticeKind::DefaultSource,
            &self.source,
            format!(
                "{} {} no source: {} events cite the file \"{file}\" ({}).",
                n(&self.source),
                verb(self.source.count, "cites", "cite"),
                verb(self.source.count, "its", "their"),
                date.date
            ),
        );
        push(
            NoticeKind::DefaultSource,
            &self.source_date,
            format!(
                "{} {} an outlet without its date: the source takes the event's date.",
                n(&self.source_date),
                verb(self.source_date.count, "names", "name")
            ),
        );
        push(
            NoticeKind::DefaultSummary,
            &self.summary,
            format!(
                "{} {} no summary: {} events say which two actors the file links.",
                n(&self.summary),
                verb(self.summary.count, "has", "have"),
                verb(self.summary.count, "its", "their")
            ),
        );
        push(
            NoticeKind::DefaultName,
            &self.name,
            format!(
                "{} {} no name or label: the id is the name.",
                nodes(&self.name),
                verb(self.name.count, "has", "have")
            ),
        );
        push(
            NoticeKind::DefaultActorType,
            &self.actor_type,
            format!(
                "{} {} no actor type (state, organization, armed-group){}: shown as organizations, or as states where an iso3 code is given.",
                nodes(&self.actor_type),
                verb(self.actor_type.count, "has", "have"),
                self.actor_type.example()
            ),
        );
        push(
            NoticeKind::NoCoordinates,
            &self.coordinates,
            format!(
                "{} {} no coordinates (lat, lon): placed at 0, 0, so a geographic layout cannot place them.",
                nodes(&self.coordinates),
                verb(self.coordinates.count, "has", "have")
            ),
        );
        out
    }
}
