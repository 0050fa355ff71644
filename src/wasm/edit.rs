//! The editor for the page, in a module of its own (feature `edit-exports`, `pkg/entente_edit.js`,
//! fetched on the first edit): a dataset being edited with its undo history, each edit an op in
//! JSON, refused with the validator's words; `core()`, the edited dataset as the page's handle,
//! which follows the next edits by `applyPatch` (the core module, the first load, has none).

use super::{js_error, to_js};
use crate::date::Date;
use crate::edit::{Editor, Op, Step};
use crate::load::from_json;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// The history as the page keeps it beside the dataset.
#[derive(Debug, Default, Serialize, Deserialize)]
struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

/// A refused edit as the page shows it at the field.
#[derive(Debug, Serialize)]
struct Refusal {
    kind: crate::error::ErrorKind,
    path: String,
    field: Option<String>,
    message: String,
    /// The whole message, as a file's error reads (`actors[3].lat: 91 is outside -90..90`).
    text: String,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
struct Applied {
    ok: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    warnings: Vec<crate::edit::Warning>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<Refusal>,
}

fn refusal(error: &crate::error::LoadError, field: Option<String>) -> Refusal {
    Refusal {
        kind: error.kind,
        path: error.path.clone(),
        field,
        message: error.message.clone(),
        text: error.to_string(),
    }
}

/// A dataset being edited (`new DatasetEditor(json, historyJson)`).
#[wasm_bindgen]
#[derive(Debug)]
pub struct DatasetEditor {
    inner: Editor,
}

#[wasm_bindgen]
impl DatasetEditor {
    /// Starts editing an Entente JSON text, with the history kept beside it (`historyJson()`'s
    /// text) or none. Throws the located error of a text the loader refuses.
    #[wasm_bindgen(constructor)]
    pub fn new(json: &str, history: Option<String>) -> Result<DatasetEditor, JsError> {
        let dataset = from_json(json).map_err(js_error)?;
        let h: History = match history.as_deref() {
            Some(text) if !text.is_empty() => serde_json::from_str(text)
                .map_err(|e| JsError::new(&format!("the kept history: {e}")))?,
            _ => History::default(),
        };
        Ok(DatasetEditor {
            inner: Editor::with_history(dataset, h.undo, h.redo),
        })
    }

    /// Applies an op (`{"op": "addActor", "actor": {...}}`, see `crate::edit::Op`) stamped with
    /// `today` (`YYYY-MM-DD`). Returns `{ok: true, name, warnings}` or `{ok: false, error: {kind,
    /// path, field, message, text}}`; a refused op changes nothing.
    pub fn apply(&mut self, op: &str, today: &str) -> Result<JsValue, JsError> {
        let today: Date = today
            .parse()
            .map_err(|e: crate::date::DateError| JsError::new(&format!("apply: today: {e}")))?;
        let result = match Op::from_json(op) {
            Err(error) => {
                let field = error.path.rsplit('.').next().map(str::to_string);
                Applied {
                    ok: false,
                    name: None,
                    warnings: Vec::new(),
                    error: Some(refusal(&error, field.filter(|f| !f.is_empty()))),
                }
            }
            Ok(op) => match self.inner.apply(op, today) {
                Ok(outcome) => Applied {
                    ok: true,
                    name: Some(outcome.name),
                    warnings: outcome.warnings,
                    error: None,
                },
                Err(e) => Applied {
                    ok: false,
                    name: None,
                    warnings: Vec::new(),
                    error: Some(refusal(&e.error, e.field)),
                },
            },
        };
        to_js(&result)
    }

    /// Takes back the last step: its name, or `null` when there is none.
    pub fn undo(&mut self) -> Result<Option<String>, JsError> {
        self.inner.undo().map_err(js_error)
    }

    /// Does again the last step undone: its name, or `null`.
    pub fn redo(&mut self) -> Result<Option<String>, JsError> {
        self.inner.redo().map_err(js_error)
    }

    /// The names of the steps: `{done: [oldest … latest], undone: [next to redo … last]}`.
    pub fn history(&self) -> Result<JsValue, JsError> {
        let (undo, redo) = self.inner.steps();
        #[derive(Serialize)]
        struct Names<'a> {
            done: Vec<&'a str>,
            undone: Vec<&'a str>,
        }
        to_js(&Names {
            done: undo.iter().map(|s| s.name.as_str()).collect(),
            undone: redo.iter().rev().map(|s| s.name.as_str()).collect(),
        })
    }

    /// The history as text, to keep beside the dataset and give back to the constructor.
    #[wasm_bindgen(js_name = historyJson)]
    pub fn history_json(&self) -> Result<String, JsError> {
        let (undo, redo) = self.inner.steps();
        #[derive(Serialize)]
        struct Kept<'a> {
            undo: &'a [Step],
            redo: &'a [Step],
        }
        serde_json::to_string(&Kept { undo, redo }).map_err(js_error)
    }

    /// The last edit, undo or redo as a JSON list of changes, in the form the history keeps
    /// (`{"change": "insertActor", ...}`): what the autosave's log holds and `catchUp` reads.
    pub fn patch(&self) -> Result<String, JsError> {
        serde_json::to_string(self.inner.patch()).map_err(js_error)
    }

    /// The same changes in the form the core's `applyPatch` reads ([`crate::edit::CorePatch`]:
    /// the records they bring as an Entente document, and a step of numbers per change).
    #[wasm_bindgen(js_name = corePatch)]
    pub fn core_patch(&self) -> Result<String, JsError> {
        serde_json::to_string(&crate::edit::CorePatch::new(self.inner.patch())).map_err(js_error)
    }

    /// Applies the changes of an autosave's log (a JSON list, each one `patch()`'s text, oldest
    /// first) kept after the history; throws the located error of a log that does not fit.
    #[wasm_bindgen(js_name = catchUp)]
    pub fn catch_up(&mut self, log: &str) -> Result<(), JsError> {
        let log: Vec<Vec<crate::edit::Change>> =
            serde_json::from_str(log).map_err(|e| JsError::new(&format!("catchUp: {e}")))?;
        for changes in log {
            self.inner.catch_up(changes).map_err(js_error)?;
        }
        Ok(())
    }

    /// The edited dataset as the page's handle (`Entente`, of this module: it has `applyPatch`
    /// for the next edits), made from the editor's dataset, which every edit has checked: no
    /// text is read again. The page's core module has no `applyPatch`, so the first edit, and
    /// every `whole` one (a kept copy restored, a refused patch), goes through here.
    pub fn core(&self) -> Result<super::Entente, JsError> {
        let network = crate::network::Network::from_valid(self.inner.dataset().clone());
        let session = crate::session::Session::new(network).map_err(js_error)?;
        Ok(super::Entente {
            session,
            load_ms: [0.0, 0.0],
        })
    }

    /// The dataset as Entente JSON.
    pub fn json(&self) -> Result<String, JsError> {
        serde_json::to_string_pretty(self.inner.dataset()).map_err(js_error)
    }

    /// The dataset as Entente JSON without white space: what the page keeps and reads again
    /// (the pretty text of 50,000 actors is over the 32 MiB a file may have).
    #[wasm_bindgen(js_name = jsonCompact)]
    pub fn json_compact(&self) -> Result<String, JsError> {
        serde_json::to_string(self.inner.dataset()).map_err(js_error)
    }

    /// The events of the tie of `a` and `b` in the dataset's order (the index an event is
    /// edited by); `[]` without a tie.
    #[wasm_bindgen(js_name = eventsOf)]
    pub fn events_of(&self, a: &str, b: &str) -> Result<JsValue, JsError> {
        to_js(self.inner.events_of(a, b))
    }

    /// The actor with this id, or `null`.
    pub fn actor(&self, id: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.dataset().actors.iter().find(|a| a.id == id))
    }
}
