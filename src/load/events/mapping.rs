//! How event codes become Entente kinds and tones: CAMEO codes to kinds, QuadClass or the
//! Goldstein score to tones, SIPRI deals and Correlates of War ties to one kind and tone each.
//! The person sees and changes it in the import dialog; the dataset's provenance keeps it.

use crate::model::{Kind, MappingRule, Tone};
use serde::{Deserialize, Serialize};

/// A CAMEO code prefix and the kind its events get; the longest matching prefix wins.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CameoKind {
    pub code: String,
    pub kind: Kind,
}

/// Where an event's tone comes from.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ToneBy {
    /// QuadClass 1–4 (for ICEWS, the class of the CAMEO root).
    Quadclass,
    /// The Goldstein score (ICEWS: intensity) against two thresholds.
    Goldstein,
}

/// A kind and a tone for every record of a file (SIPRI deals, COW ties).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindTone {
    pub kind: Kind,
    pub tone: Tone,
}

/// The whole mapping, as the import dialog shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Mapping {
    pub cameo: Vec<CameoKind>,
    pub tone_by: ToneBy,
    /// The tones of QuadClass 1, 2, 3 and 4.
    pub quad_class: [Tone; 4],
    /// A Goldstein score below this is hostile...
    pub hostile_below: f64,
    /// ...and below this (but not below `hostile_below`) strained; otherwise cooperative.
    pub strained_below: f64,
    pub sipri: KindTone,
    pub cow: KindTone,
}

/// The CAMEO root codes 01–20, by name.
pub const CAMEO_ROOTS: [&str; 20] = [
    "make public statement",
    "appeal",
    "express intent to cooperate",
    "consult",
    "engage in diplomatic cooperation",
    "engage in material cooperation",
    "provide aid",
    "yield",
    "investigate",
    "demand",
    "disapprove",
    "reject",
    "threaten",
    "protest",
    "exhibit military posture",
    "reduce relations",
    "coerce",
    "assault",
    "fight",
    "use unconventional mass violence",
];

impl Default for Mapping {
    /// Roots 01–12 diplomatic but 061 (economic cooperation), 07 (aid) and 071 (economic aid),
    /// 073 (humanitarian aid) economic, and 062 (military cooperation), 064 (intelligence),
    /// 072 (military aid), 074 (peacekeeping) defense; 13–20 conflict. QuadClass 1–2
    /// cooperative, 3 strained, 4 hostile; SIPRI deals defense and cooperative; COW disputes
    /// and wars conflict and hostile.
    fn default() -> Mapping {
        use Kind::*;
        let mut cameo: Vec<CameoKind> = (1..=20)
            .map(|root| CameoKind {
                code: format!("{root:02}"),
                kind: match root {
                    7 => Economic,
                    13.. => Conflict,
                    _ => Diplomatic,
                },
            })
            .collect();
        for (code, kind) in [
            ("061", Economic),
            ("062", Defense),
            ("064", Defense),
            ("071", Economic),
            ("072", Defense),
            ("073", Economic),
            ("074", Defense),
            ("075", Diplomatic),
        ] {
            cameo.push(CameoKind {
                code: code.into(),
                kind,
            });
        }
        Mapping {
            cameo,
            tone_by: ToneBy::Quadclass,
            quad_class: [
                Tone::Cooperative,
                Tone::Cooperative,
                Tone::Strained,
                Tone::Hostile,
            ],
            hostile_below: -5.0,
            strained_below: 0.0,
            sipri: KindTone {
                kind: Defense,
                tone: Tone::Cooperative,
            },
            cow: KindTone {
                kind: Conflict,
                tone: Tone::Hostile,
            },
        }
    }
}

impl Mapping {
    /// The kind of a CAMEO event code (`042`, `1246`), by its longest listed prefix.
    pub fn kind_of(&self, code: &str) -> Option<Kind> {
        self.cameo
            .iter()
            .filter(|r| !r.code.is_empty() && code.starts_with(r.code.as_str()))
            .max_by_key(|r| r.code.len())
            .map(|r| r.kind)
    }

    /// The tone of an event from its QuadClass (1–4) or its Goldstein score, as `tone_by` says.
    pub fn tone_of(&self, quad: Option<u8>, goldstein: Option<f64>) -> Option<Tone> {
        match self.tone_by {
            ToneBy::Quadclass => quad
                .filter(|q| (1..=4).contains(q))
                .map(|q| self.quad_class[usize::from(q) - 1]),
            ToneBy::Goldstein => goldstein.map(|g| {
                if g < self.hostile_below {
                    Tone::Hostile
                } else if g < self.strained_below {
                    Tone::Strained
                } else {
                    Tone::Cooperative
                }
            }),
        }
    }

    /// The rules a CAMEO-coded import used, as the provenance keeps them.
    pub fn cameo_rules(&self) -> Vec<MappingRule> {
        let mut rules: Vec<MappingRule> = self
            .cameo
            .iter()
            .map(|r| MappingRule {
                code: format!("CAMEO {}", r.code),
                kind: Some(r.kind),
                tone: None,
            })
            .collect();
        match self.tone_by {
            ToneBy::Quadclass => {
                for (q, tone) in self.quad_class.iter().enumerate() {
                    rules.push(MappingRule {
                        code: format!("QuadClass {}", q + 1),
                        kind: None,
                        tone: Some(*tone),
                    });
                }
            }
            ToneBy::Goldstein => {
                let (h, s) = (self.hostile_below, self.strained_below);
                for (code, tone) in [
                    (format!("Goldstein < {h}"), Tone::Hostile),
                    (format!("{h} <= Goldstein < {s}"), Tone::Strained),
                    (format!("Goldstein >= {s}"), Tone::Cooperative),
                ] {
                    rules.push(MappingRule {
                        code,
                        kind: None,
                        tone: Some(tone),
                    });
                }
            }
        }
        rules
    }

    /// The one rule of a file whose records all get one kind and tone.
    pub fn single_rule(what: &str, kt: KindTone) -> Vec<MappingRule> {
        vec![MappingRule {
            code: what.to_string(),
            kind: Some(kt.kind),
            tone: Some(kt.tone),
        }]
    }
}

/// The QuadClass of a CAMEO root (01–05 verbal cooperation, 06–08 material cooperation, 09–13
/// verbal conflict, 14–20 material conflict), for files that give the code but not the class.
pub fn quad_class_of_root(root: u8) -> Option<u8> {
    match root {
        1..=5 => Some(1),
        6..=8 => Some(2),
        9..=13 => Some(3),
        14..=20 => Some(4),
        _ => None,
    }
}
