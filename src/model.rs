//! The dataset as people write it: actors, ties between them, and the dated, cited events on each tie.

use crate::date::Date;
use serde::{Deserialize, Serialize};

/// The format version this build reads and writes.
pub const FORMAT: &str = "entente/1";

/// A whole dataset, as stored in an Entente JSON file. (`Default` is the empty record, no actor
/// and no format: not a valid dataset, a placeholder or a carrier of records.)
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub format: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(
        default,
        deserialize_with = "crate::load::records::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub provenance: Option<Provenance>,
    /// The day the dataset was last edited in the page (`None` for a dataset never edited there).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub edited: Option<Date>,
    #[serde(deserialize_with = "crate::load::records::list")]
    pub actors: Vec<Actor>,
    #[serde(deserialize_with = "crate::load::records::list")]
    pub ties: Vec<Tie>,
    /// A walk through the network, step by step (see [`crate::story`]).
    #[serde(
        default,
        deserialize_with = "crate::load::records::optional",
        skip_serializing_if = "Option::is_none"
    )]
    pub story: Option<crate::story::Story>,
}

/// Where the dataset's facts come from: the publication they were read in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    pub title: String,
    pub publication: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub volume: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issue: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub via: Option<String>,
    /// How an imported dataset's codes became kinds and tones (GDELT, ICEWS, SIPRI, COW).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub mapping: Vec<MappingRule>,
}

/// One rule of an import's mapping: a code (`CAMEO 04`, `QuadClass 3`, `SIPRI deal`) and the
/// kind or tone its events got.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MappingRule {
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<Kind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tone: Option<Tone>,
}

/// A party to ties: a state, an organization or an armed group.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Actor {
    pub id: String,
    pub name: String,
    /// A short name for tight places ("IS-K", "UAE"): labels use it where the name does not fit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short: Option<String>,
    #[serde(rename = "type")]
    pub actor_type: ActorType,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso3: Option<String>,
    pub lat: f64,
    pub lon: f64,
    /// For non-state actors: where they are based, in words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base: Option<String>,
}

/// What sort of party an actor is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ActorType {
    State,
    Organization,
    ArmedGroup,
}

impl ActorType {
    pub const ALL: [ActorType; 3] = [
        ActorType::State,
        ActorType::Organization,
        ActorType::ArmedGroup,
    ];
    /// How many actor types there are: the length of every per-type table.
    pub const COUNT: usize = ActorType::ALL.len();
    /// Every actor type's bit: the filter that shows them all.
    pub const MASK: u8 = ((1u16 << ActorType::COUNT) - 1) as u8;

    /// The bit of this actor type in a filter's mask.
    pub const fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The name the format uses: `state`, `organization`, `armed-group`.
    pub const fn as_str(self) -> &'static str {
        match self {
            ActorType::State => "state",
            ActorType::Organization => "organization",
            ActorType::ArmedGroup => "armed-group",
        }
    }

    /// The actor type with this name, ignoring case, surrounding space, and `_` or a space
    /// for `-` (`"Armed group"` is [`ActorType::ArmedGroup`]).
    pub fn from_name(name: &str) -> Option<ActorType> {
        let name = name.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        ActorType::ALL.into_iter().find(|t| t.as_str() == name)
    }
}

/// The relationship between two actors, made of the events that document it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tie {
    pub source: String,
    pub target: String,
    #[serde(deserialize_with = "crate::load::records::list")]
    pub events: Vec<Event>,
}

/// One dated fact about a tie, with the sources that report it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Event {
    pub date: Date,
    /// When something lasting stopped (an alliance lapsed, a deployment ended); `None` for a
    /// one-off fact. A coarse end stands for its whole period: `2019` lasts through 2019-12-31.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<Date>,
    pub kind: Kind,
    pub tone: Tone,
    pub summary: String,
    #[serde(
        default,
        deserialize_with = "crate::load::records::list",
        skip_serializing_if = "Vec::is_empty"
    )]
    pub figures: Vec<Figure>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<String>,
    #[serde(deserialize_with = "crate::load::records::list")]
    pub sources: Vec<Source>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// A risk or expectation the source foresees, not a fact that happened.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub assessment: bool,
    /// The day the event was added or last changed by hand in the page's editor (`None` for an
    /// event read from a file as it was written).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added: Option<Date>,
}

impl Event {
    /// Whether the event holds on `day`: dated by then (its date's first day is not after
    /// `day`'s) and not ended before it (`day` is not past the last day its `end` stands for).
    pub fn in_force(&self, day: Date) -> bool {
        self.date <= day && self.end.is_none_or(|end| day <= end.last_day())
    }
}

/// What sort of link an event is evidence of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    Defense,
    Diplomatic,
    Economic,
    Conflict,
}

impl Kind {
    pub const ALL: [Kind; 4] = [
        Kind::Defense,
        Kind::Diplomatic,
        Kind::Economic,
        Kind::Conflict,
    ];
    /// How many kinds there are: the length of every per-kind table.
    pub const COUNT: usize = Kind::ALL.len();

    /// The bit of this kind in a [`KindSet`].
    pub const fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The kind with this name, ignoring case and surrounding space; `defence` is
    /// [`Kind::Defense`].
    pub fn from_name(name: &str) -> Option<Kind> {
        let name = name.trim().to_ascii_lowercase();
        let name = if name == "defence" { "defense" } else { &name };
        Kind::ALL.into_iter().find(|k| k.as_str() == name)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Kind::Defense => "defense",
            Kind::Diplomatic => "diplomatic",
            Kind::Economic => "economic",
            Kind::Conflict => "conflict",
        }
    }
}

/// The character of an event: working together, under strain, or openly hostile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Tone {
    Cooperative,
    Strained,
    Hostile,
}

impl Tone {
    pub const ALL: [Tone; 3] = [Tone::Cooperative, Tone::Strained, Tone::Hostile];
    /// How many tones there are: the length of every per-tone table.
    pub const COUNT: usize = Tone::ALL.len();
    /// Every tone's bit: the filter that shows them all.
    pub const MASK: u8 = ((1u16 << Tone::COUNT) - 1) as u8;

    /// The bit of this tone in a filter's mask.
    pub const fn bit(self) -> u8 {
        1 << (self as u8)
    }

    /// The tone with this name, ignoring case and surrounding space.
    pub fn from_name(name: &str) -> Option<Tone> {
        let name = name.trim().to_ascii_lowercase();
        Tone::ALL.into_iter().find(|t| t.as_str() == name)
    }

    pub const fn as_str(self) -> &'static str {
        match self {
            Tone::Cooperative => "cooperative",
            Tone::Strained => "strained",
            Tone::Hostile => "hostile",
        }
    }
}

/// A figure a fact states: an amount with its unit, and what it counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub value: f64,
    pub unit: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub what: Option<String>,
}

/// A citation: the outlet and the date of the report, and where to read it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub outlet: String,
    pub date: Date,
    /// Where the cited item can be read: an `http` or `https` address, nothing else.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// The cited item's own title (a headline, a report's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// A short passage of the cited item, word for word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

impl Source {
    /// A source citing `outlet` on `date`, without address, title or quote.
    pub fn new(outlet: impl Into<String>, date: Date) -> Source {
        Source {
            outlet: outlet.into(),
            date,
            url: None,
            title: None,
            quote: None,
        }
    }
}

/// A set of [`Kind`]s as a bit mask: bit `i` for `Kind::ALL[i]` (see [`Kind::bit`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct KindSet(pub u8);

impl KindSet {
    pub const ALL: KindSet = KindSet(((1u16 << Kind::COUNT) - 1) as u8);
    pub const NONE: KindSet = KindSet(0);

    pub fn contains(self, kind: Kind) -> bool {
        self.0 & kind.bit() != 0
    }

    pub fn with(self, kind: Kind) -> KindSet {
        KindSet(self.0 | kind.bit())
    }

    pub fn without(self, kind: Kind) -> KindSet {
        KindSet(self.0 & !kind.bit())
    }

    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    pub fn iter(self) -> impl Iterator<Item = Kind> {
        Kind::ALL.into_iter().filter(move |k| self.contains(*k))
    }
}

impl FromIterator<Kind> for KindSet {
    fn from_iter<I: IntoIterator<Item = Kind>>(iter: I) -> KindSet {
        iter.into_iter().fold(KindSet::NONE, KindSet::with)
    }
}
