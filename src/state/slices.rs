//! One signal per indicator's entry in the open sheet. A row reads its own slice, so a
//! keystroke re-runs the memos of that row only, not those of the 1.000 others. Typing
//! sets the edited indicator's slice; any other change (another draft opened, a file, a
//! merge from another tab) sets the slices whose entry differs.

use std::collections::BTreeMap;

use dti_engine::sheet::Entry;
use leptos::prelude::*;

use super::AppState;

/// The slices made so far, by indicator code (made when a row first reads one).
#[derive(Default)]
pub(super) struct Slices(BTreeMap<String, ArcRwSignal<Option<Entry>>>);

impl AppState {
    /// `f` on the open sheet's entry for `code`, tracked on that entry alone.
    pub fn entry_with<R>(&self, code: &str, f: impl FnOnce(Option<&Entry>) -> R) -> R {
        self.slice(code).with(|e| f(e.as_ref()))
    }

    fn slice(&self, code: &str) -> ArcRwSignal<Option<Entry>> {
        if let Some(s) = self.fine.with_value(|f| f.slices.0.get(code).cloned()) {
            return s;
        }
        let entry = self.ws.with_untracked(|w| w.current().and_then(|s| s.entries.get(code).cloned()));
        let s = ArcRwSignal::new(entry);
        self.fine.update_value(|f| {
            f.slices.0.insert(code.to_owned(), s.clone());
        });
        s
    }

    /// After a change to the entry of `code` only.
    pub(super) fn refresh_slice(&self, code: &str) {
        let Some(s) = self.fine.with_value(|f| f.slices.0.get(code).cloned()) else { return };
        let entry = self.ws.with_untracked(|w| w.current().and_then(|sh| sh.entries.get(code).cloned()));
        if s.with_untracked(|v| *v != entry) {
            s.set(entry);
        }
    }

    /// After any other change: each slice whose entry is no longer the open sheet's.
    pub(super) fn refresh_slices(&self) {
        let changed: Vec<(ArcRwSignal<Option<Entry>>, Option<Entry>)> = self.ws.with_untracked(|w| {
            let sheet = w.current();
            self.fine.with_value(|f| {
                f.slices.0.iter()
                    .filter_map(|(code, s)| {
                        let entry = sheet.and_then(|sh| sh.entries.get(code));
                        s.with_untracked(|v| v.as_ref() != entry).then(|| (s.clone(), entry.cloned()))
                    })
                    .collect()
            })
        });
        for (s, entry) in changed {
            s.set(entry);
        }
    }
}
