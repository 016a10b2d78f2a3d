//! The council's working state: the imported files (bytes kept in IndexedDB so a reload
//! loses nothing), the chosen set and the engine's `Council` built from them. Imports run
//! in chunks that yield to the browser, with the progress on screen.

use std::collections::HashMap;

use dti_engine::council::{parse_file, suggest_set, Council, EntryId, FileId, ParsedFile, SetGroups};
use dti_engine::text::MAX_INPUT_BYTES;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::state::{LoadedSet, Page};
use crate::store::{self, StoredFile};

/// At most this many files between two yields to the browser.
pub const CHUNK: usize = 200;
/// Work between two yields, in ms: a few frames, so the page keeps answering (each yield
/// also commits the slice to IndexedDB, which costs a transaction).
const SLICE_MS: f64 = 60.0;

fn now() -> f64 {
    js_sys::Date::now()
}

/// Where the work is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storage {
    /// Still opening the database.
    Opening,
    Kept,
    /// The browser refused storage (private mode, blocked site data): work stays in this tab.
    Refused(String),
    /// A save failed (full disk or quota): what was imported after it is not kept.
    Failed(String),
}

/// The choices kept beside the files.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
struct Choices {
    /// The set the user picked; `None` lets the files decide.
    set: Option<String>,
    #[serde(default)]
    lang: Option<String>,
}

#[derive(Clone, Copy)]
pub struct Work {
    pub council: RwSignal<Option<Council>>,
    /// The set picked by the user (`None`: the one the files suggest).
    pub chosen_set: RwSignal<Option<String>>,
    /// Files done of files to do, while an import or a restore runs.
    pub progress: RwSignal<Option<(usize, usize)>>,
    pub storage: RwSignal<Storage>,
    /// The entry whose sheet is open read-only.
    pub open_entry: RwSignal<Option<EntryId>>,
    /// Council file id → key of its bytes in IndexedDB.
    keys: StoredValue<HashMap<FileId, u32>>,
    next_key: StoredValue<u32>,
    db: StoredValue<Option<web_sys::IdbDatabase>, LocalStorage>,
    page: Page,
}

impl Work {
    #[must_use]
    pub fn new(page: Page) -> Self {
        Self {
            council: RwSignal::new(None),
            chosen_set: RwSignal::new(None),
            progress: RwSignal::new(None),
            storage: RwSignal::new(Storage::Opening),
            open_entry: RwSignal::new(None),
            keys: StoredValue::new(HashMap::new()),
            next_key: StoredValue::new(1),
            db: StoredValue::new_local(None),
            page,
        }
    }

    fn set_groups(&self) -> Vec<SetGroups> {
        self.page.sets.with_untracked(|s| s.iter().flatten().map(|l| SetGroups::of(&l.framework)).collect())
    }

    /// The set to rank under for these new files, when none is open yet.
    fn pick_set(&self, parsed: &[ParsedFile]) -> Option<LoadedSet> {
        if let Some(id) = self.chosen_set.get_untracked() {
            if let Some(s) = self.page.set(&id) {
                return Some(s);
            }
        }
        let groups = self.set_groups();
        let id = suggest_set(parsed, &groups)
            .map(|s| s.id.clone())
            .or_else(|| self.page.index.with_untracked(|i| i.as_ref().and_then(|i| i.default_set()).map(|e| e.id.clone())))?;
        self.page.set(&id)
    }

    fn ensure_council(&self, parsed: &[ParsedFile]) {
        if self.council.with_untracked(Option::is_some) {
            return;
        }
        if let Some(set) = self.pick_set(parsed) {
            let mut c = Council::new((*set.framework).clone());
            c.set_digest(Some(set.entry.digest.clone()));
            self.council.set(Some(c));
        }
    }

    /// Adds files in the council under the given store keys (no saving).
    fn add_parsed(&self, batch: Vec<(u32, ParsedFile)>) {
        if self.council.with_untracked(Option::is_none) {
            let parsed: Vec<ParsedFile> = batch.iter().map(|(_, p)| p.clone()).collect();
            self.ensure_council(&parsed);
        }
        self.council.update(|c| {
            if let Some(c) = c {
                for (key, p) in batch {
                    let id = c.add(p);
                    self.keys.update_value(|k| {
                        k.insert(id, key);
                    });
                }
            }
        });
    }

    /// Imports files chosen or dropped by the user.
    pub async fn import(self, files: Vec<web_sys::File>) {
        if files.is_empty() || self.progress.get_untracked().is_some() {
            return;
        }
        let total = files.len();
        self.progress.set(Some((0, total)));
        let mut done = 0;
        let mut batch = Vec::new();
        let mut stored = Vec::new();
        let mut slice = now();
        for file in &files {
            let name = file.name();
            let key = self.next_key.get_value();
            self.next_key.set_value(key + 1);
            let size = file.size();
            let parsed = if size > MAX_INPUT_BYTES as f64 {
                ParsedFile::too_large(&name, size as u64)
            } else {
                match crate::browser::read_bytes(file).await {
                    Ok(bytes) => {
                        let p = parse_file(&name, &bytes);
                        stored.push(StoredFile { id: key, name: name.clone(), bytes });
                        p
                    }
                    Err(reason) => ParsedFile::unreadable(&name, browser_error(&name, &reason)),
                }
            };
            batch.push((key, parsed));
            done += 1;
            // Back to the browser every SLICE_MS (or CHUNK files): it paints the progress
            // and answers the user between slices.
            if now() - slice > SLICE_MS || batch.len() >= CHUNK || done == total {
                self.add_parsed(std::mem::take(&mut batch));
                self.save(std::mem::take(&mut stored)).await;
                self.progress.set(Some((done, total)));
                crate::browser::yield_now().await;
                slice = now();
            }
        }
        self.progress.set(None);
    }

    async fn save(&self, files: Vec<StoredFile>) {
        if files.is_empty() {
            return;
        }
        let Some(db) = self.db.get_value() else { return };
        if let Err(reason) = store::put_files(&db, &files).await {
            self.storage.set(Storage::Failed(reason));
        }
    }

    /// Removes one imported file (and its entries).
    pub fn remove_file(self, id: FileId) {
        self.council.update(|c| {
            if let Some(c) = c {
                c.remove_file(id);
            }
        });
        let key = self.keys.try_update_value(|k| k.remove(&id)).flatten();
        if let (Some(key), Some(db)) = (key, self.db.get_value()) {
            leptos::task::spawn_local(async move {
                if let Err(reason) = store::delete_file(&db, key).await {
                    self.storage.set(Storage::Failed(reason));
                }
            });
        }
    }

    /// Forgets every imported file.
    pub fn clear(self) {
        let set = self.council.with_untracked(|c| c.as_ref().map(|c| c.framework().clone()));
        self.council.set(set.map(|f| {
            let mut c = Council::new(f);
            let digest = self.page.set(&c.framework().id).map(|s| s.entry.digest);
            c.set_digest(digest);
            c
        }));
        self.keys.set_value(HashMap::new());
        if let Some(db) = self.db.get_value() {
            leptos::task::spawn_local(async move {
                if let Err(reason) = store::clear_files(&db).await {
                    self.storage.set(Storage::Failed(reason));
                }
            });
        }
    }

    /// Ranks the same files under another set.
    pub fn choose_set(self, id: String) {
        let Some(set) = self.page.set(&id) else { return };
        self.chosen_set.set(Some(id));
        self.council.update(|c| match c {
            Some(c) => {
                c.set_framework((*set.framework).clone());
                c.set_digest(Some(set.entry.digest.clone()));
            }
            None => {
                let mut n = Council::new((*set.framework).clone());
                n.set_digest(Some(set.entry.digest.clone()));
                *c = Some(n);
            }
        });
        self.save_choices();
    }

    pub fn save_choices(self) {
        let choices = Choices {
            set: self.chosen_set.get_untracked(),
            lang: Some(crate::i18n::tr(self.page.lang.get_untracked(), "vi", "en").to_owned()),
        };
        let Some(db) = self.db.get_value() else { return };
        leptos::task::spawn_local(async move {
            let json = serde_json::to_string(&choices).unwrap_or_default();
            if let Err(reason) = store::put_meta(&db, "choices", &json).await {
                self.storage.set(Storage::Failed(reason));
            }
        });
    }

    /// Opens the database and, once the sets are in, rebuilds the work kept there.
    pub fn restore(self) {
        leptos::task::spawn_local(async move {
            let db = match store::open().await {
                Ok(db) => db,
                Err(reason) => {
                    self.storage.set(Storage::Refused(reason));
                    return;
                }
            };
            self.db.set_value(Some(db.clone()));
            let choices: Choices = match store::get_meta(&db, "choices").await {
                Ok(Some(json)) => serde_json::from_str(&json).unwrap_or_default(),
                Ok(None) => Choices::default(),
                Err(reason) => {
                    self.storage.set(Storage::Refused(reason));
                    return;
                }
            };
            if choices.lang.as_deref() == Some("en") {
                self.page.lang.set(dti_engine::Lang::En);
            }
            self.chosen_set.set(choices.set);
            let files = match store::load_files(&db).await {
                Ok(f) => f,
                Err(reason) => {
                    self.storage.set(Storage::Refused(reason));
                    return;
                }
            };
            self.storage.set(Storage::Kept);
            // The sets first: the files are ranked under one of them.
            while self.page.sets.with_untracked(Option::is_none) {
                crate::browser::sleep(50).await;
            }
            if let Some(id) = self.chosen_set.get_untracked() {
                if self.page.set(&id).is_some() {
                    self.choose_set(id);
                }
            }
            let next = files.iter().map(|f| f.id).max().unwrap_or(0) + 1;
            self.next_key.set_value(next.max(self.next_key.get_value()));
            let total = files.len();
            if total == 0 {
                return;
            }
            self.progress.set(Some((0, total)));
            let mut done = 0;
            let mut batch = Vec::new();
            let mut slice = now();
            for f in &files {
                batch.push((f.id, parse_file(&f.name, &f.bytes)));
                done += 1;
                if now() - slice > SLICE_MS || batch.len() >= CHUNK || done == total {
                    self.add_parsed(std::mem::take(&mut batch));
                    self.progress.set(Some((done, total)));
                    crate::browser::yield_now().await;
                    slice = now();
                }
            }
            self.progress.set(None);
        });
    }
}

/// Why the browser could not read a file (moved, permission).
fn browser_error(name: &str, reason: &str) -> dti_engine::Error {
    dti_engine::Error::catalogue(name, format!("trình duyệt không đọc được tệp ({reason})"), format!("the browser could not read the file ({reason})"))
}

#[must_use]
pub fn use_work() -> Work {
    use_context::<Work>().unwrap_or_else(|| Work::new(crate::state::use_page()))
}
