//! How tie kinds, tones and actor types look: one table, read by the pictures drawn in Rust and, through `style()`, by the page.

use crate::model::{ActorType, Kind, Tone};
use serde::{Serialize, Serializer};
use std::fmt;

/// An RGB colour, written `#rrggbb` as CSS writes it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour `0xrrggbb`.
    pub const fn hex(rgb: u32) -> Rgb {
        Rgb((rgb >> 16) as u8, (rgb >> 8) as u8, rgb as u8)
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl Serialize for Rgb {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// Which background a colour is for: light (the light theme and exported pictures) or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

/// How one kind of tie is drawn: its lines on the canvas and its bars in the chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct KindStyle {
    pub kind: Kind,
    pub label: &'static str,
    pub light: Rgb,
    pub dark: Rgb,
    /// Dash pattern in pixels, drawn and skipped in turn; empty for a solid line.
    pub dash: &'static [f32],
}

/// How one tone is named.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ToneStyle {
    pub tone: Tone,
    pub label: &'static str,
}

/// The shape an actor type is drawn as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Shape {
    Circle,
    Square,
    Triangle,
}

/// How one actor type is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypeStyle {
    pub actor_type: ActorType,
    pub label: &'static str,
    pub shape: Shape,
    pub light: Rgb,
    pub dark: Rgb,
}

/// One row per kind, in [`Kind::ALL`] order (checked when the crate compiles).
pub const KINDS: [KindStyle; Kind::COUNT] = [
    KindStyle {
        kind: Kind::Defense,
        label: "Defense",
        light: Rgb::hex(0x0063a6),
        dark: Rgb::hex(0x5aa9e6),
        dash: &[],
    },
    KindStyle {
        kind: Kind::Diplomatic,
        label: "Diplomatic",
        light: Rgb::hex(0x007a56),
        dark: Rgb::hex(0x3cc08e),
        dash: &[7.0, 4.0],
    },
    KindStyle {
        kind: Kind::Economic,
        label: "Economic",
        light: Rgb::hex(0xb35c00),
        dark: Rgb::hex(0xf0a04b),
        dash: &[2.0, 3.0],
    },
    KindStyle {
        kind: Kind::Conflict,
        label: "Conflict",
        light: Rgb::hex(0xc0162b),
        dark: Rgb::hex(0xff6b7a),
        dash: &[10.0, 3.0, 2.0, 3.0],
    },
];

/// One row per tone, in [`Tone::ALL`] order.
pub const TONES: [ToneStyle; Tone::COUNT] = [
    ToneStyle {
        tone: Tone::Cooperative,
        label: "Cooperative",
    },
    ToneStyle {
        tone: Tone::Strained,
        label: "Strained",
    },
    ToneStyle {
        tone: Tone::Hostile,
        label: "Hostile",
    },
];

/// One row per actor type, in [`ActorType::ALL`] order.
pub const TYPES: [TypeStyle; ActorType::COUNT] = [
    TypeStyle {
        actor_type: ActorType::State,
        label: "State",
        shape: Shape::Circle,
        light: Rgb::hex(0x37474f),
        dark: Rgb::hex(0xb0bec5),
    },
    TypeStyle {
        actor_type: ActorType::Organization,
        label: "Organization",
        shape: Shape::Square,
        light: Rgb::hex(0x6a3d9a),
        dark: Rgb::hex(0xc3a6e8),
    },
    TypeStyle {
        actor_type: ActorType::ArmedGroup,
        label: "Armed group",
        shape: Shape::Triangle,
        light: Rgb::hex(0x8c2d04),
        dark: Rgb::hex(0xf08a5d),
    },
];

// Row `i` of each table describes the `i`-th value of its enum, so `KINDS[kind as usize]` is the
// row of `kind`; a table out of order does not compile.
const _: () = {
    // Each set of values is a `u8` mask.
    assert!(Kind::COUNT <= 8 && Tone::COUNT <= 8 && ActorType::COUNT <= 8);
    let mut i = 0;
    while i < Kind::COUNT {
        assert!(KINDS[i].kind as usize == i && Kind::ALL[i] as usize == i);
        i += 1;
    }
    let mut i = 0;
    while i < Tone::COUNT {
        assert!(TONES[i].tone as usize == i && Tone::ALL[i] as usize == i);
        i += 1;
    }
    let mut i = 0;
    while i < ActorType::COUNT {
        assert!(TYPES[i].actor_type as usize == i && ActorType::ALL[i] as usize == i);
        i += 1;
    }
};

impl Kind {
    /// This kind's row of [`KINDS`].
    pub fn style(self) -> &'static KindStyle {
        &KINDS[self as usize]
    }
}

impl Tone {
    /// This tone's row of [`TONES`].
    pub fn style(self) -> &'static ToneStyle {
        &TONES[self as usize]
    }
}

impl ActorType {
    /// This actor type's row of [`TYPES`].
    pub fn style(self) -> &'static TypeStyle {
        &TYPES[self as usize]
    }
}

impl KindStyle {
    /// The colour of this kind's lines and bars on `theme`'s background.
    pub fn colour(&self, theme: Theme) -> Rgb {
        match theme {
            Theme::Light => self.light,
            Theme::Dark => self.dark,
        }
    }
}

impl TypeStyle {
    /// The fill of this actor type's shape on `theme`'s background.
    pub fn fill(&self, theme: Theme) -> Rgb {
        match theme {
            Theme::Light => self.light,
            Theme::Dark => self.dark,
        }
    }
}

/// The whole table as the page reads it (`style()` in the core wasm module).
#[derive(Debug, Clone, Serialize)]
pub struct StyleTable {
    pub kinds: Vec<KindRow>,
    pub tones: Vec<ToneRow>,
    pub types: Vec<TypeRow>,
}

/// A kind as the page reads it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KindRow {
    pub key: &'static str,
    pub label: &'static str,
    pub bit: u8,
    pub color: Rgb,
    pub dark_color: Rgb,
    pub dash: &'static [f32],
}

/// A tone as the page reads it.
#[derive(Debug, Clone, Serialize)]
pub struct ToneRow {
    pub key: &'static str,
    pub label: &'static str,
    pub bit: u8,
}

/// An actor type as the page reads it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TypeRow {
    pub key: &'static str,
    pub label: &'static str,
    pub bit: u8,
    pub shape: Shape,
    pub fill: Rgb,
    pub dark_fill: Rgb,
}

/// The style table with the keys and bits of the model.
pub fn table() -> StyleTable {
    StyleTable {
        kinds: KINDS
            .iter()
            .map(|s| KindRow {
                key: s.kind.as_str(),
                label: s.label,
                bit: s.kind.bit(),
                color: s.light,
                dark_color: s.dark,
                dash: s.dash,
            })
            .collect(),
        tones: TONES
            .iter()
            .map(|s| ToneRow {
                key: s.tone.as_str(),
                label: s.label,
                bit: s.tone.bit(),
            })
            .collect(),
        types: TYPES
            .iter()
            .map(|s| TypeRow {
                key: s.actor_type.as_str(),
                label: s.label,
                bit: s.actor_type.bit(),
                shape: s.shape,
                fill: s.light,
                dark_fill: s.dark,
            })
            .collect(),
    }
}
