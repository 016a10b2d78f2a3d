//! The catalogue of indicator sets served beside the app: `sets/index.json` lists every
//! set file (id, year, title, status, file, digest) and the published results that go
//! with it. The app reads it and fetches only the set it opens, by a URL carrying the
//! digest; `dti sets index DIR` writes it (native only: reading a folder, SHA-256, gzip).
//!
//! A deployer publishes a set by copying its file into `sets/` and running
//! `dti sets index sets/`: no rebuild.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::framework::{Framework, Status};

/// Name of the catalogue inside the sets folder.
pub const INDEX_FILE: &str = "index.json";
/// Version of the catalogue's layout; a reader refuses another one.
pub const FORMAT: u32 = 1;
/// Hex characters of SHA-256 kept as a digest: 64 bits, plenty to tell versions apart.
pub const DIGEST_LEN: usize = 16;

/// A file of the sets folder and the digest of its bytes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileRef {
    pub file: String,
    pub digest: String,
}

impl FileRef {
    /// The URL relative to the sets folder: the digest in the query, so a changed file is
    /// a new URL for every cache on the way.
    #[must_use]
    pub fn url(&self) -> String {
        format!("{}?v={}", self.file, self.digest)
    }
}

/// One group of a set as a file of its own (`groups/NAME.GROUP.json`, written by
/// `dti sets index --groups`): a first visit fetches the group it opens, not the set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GroupRef {
    pub group: String,
    pub file: String,
    pub digest: String,
}

impl GroupRef {
    #[must_use]
    pub fn file_ref(&self) -> FileRef {
        FileRef { file: self.file.clone(), digest: self.digest.clone() }
    }
}

/// Folder of the group files inside the sets folder.
pub const GROUPS_DIR: &str = "groups";

/// A group file: the set cut down to one group ([`Framework::only_group`]) and the digest
/// of the whole set's file it was cut from, which a sheet keeps naming.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GroupFile {
    pub group: String,
    pub set_digest: String,
    pub set: Framework,
}

impl GroupFile {
    /// Reads the group file the catalogue lists for `group` of `entry`, validated as the set
    /// cut down to that group; a file of another set, group or version is refused, named.
    pub fn read(file: &str, json: &str, entry: &Entry, group: &str) -> Result<Framework, Error> {
        let part: GroupFile = serde_json::from_str(json).map_err(|e| Error::framework_json(file, &e))?;
        if part.set.id != entry.id || part.group != group || part.set_digest != entry.digest {
            return Err(Error::catalogue(
                file,
                format!(
                    "tệp của nhóm “{}” thuộc bộ “{}” phiên bản {}, danh mục ghi nhóm “{group}” của bộ “{}” phiên bản {}; hãy chạy lại dti sets index",
                    part.group, part.set.id, part.set_digest, entry.id, entry.digest
                ),
                format!(
                    "the file of group “{}” is of set “{}” version {}, the catalogue says group “{group}” of set “{}” version {}; run dti sets index again",
                    part.group, part.set.id, part.set_digest, entry.id, entry.digest
                ),
            ));
        }
        part.set.validate_group_part(file, group)?;
        Ok(part.set)
    }
}

/// One set of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub year: u16,
    pub title_vi: String,
    pub title_en: String,
    pub status: Status,
    pub file: String,
    pub digest: String,
    /// The province's published results for this set (`group,rank,name,total,…` CSV).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<FileRef>,
    /// Each group as a file of its own, in the set's order (none: only the whole file).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub groups: Vec<GroupRef>,
}

impl Entry {
    #[must_use]
    pub fn set_file(&self) -> FileRef {
        FileRef { file: self.file.clone(), digest: self.digest.clone() }
    }

    /// The file of one group, when the set is served by group.
    #[must_use]
    pub fn group_file(&self, group: &str) -> Option<&GroupRef> {
        self.groups.iter().find(|g| g.group == group)
    }
}

/// `sets/index.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Index {
    pub format: u32,
    /// By year, then id.
    pub sets: Vec<Entry>,
}

impl Index {
    /// Parses a catalogue and checks what the app relies on: the format, unique ids, and
    /// plain file names (no folders, nothing to escape in a URL).
    pub fn from_json(file: &str, json: &str) -> Result<Self, Error> {
        let index: Index = serde_json::from_str(json).map_err(|e| Error::FrameworkJson {
            file: file.to_owned(),
            line: e.line(),
            column: e.column(),
            reason: format!("không đúng định dạng danh mục ({e})"),
            reason_en: format!("not a set catalogue ({e})"),
        })?;
        if index.format != FORMAT {
            return Err(Error::catalogue(
                file,
                format!("định dạng {} không được hỗ trợ (cần {FORMAT})", index.format),
                format!("format {} is not supported (expected {FORMAT})", index.format),
            ));
        }
        let mut ids = std::collections::BTreeSet::new();
        for e in &index.sets {
            if !ids.insert(e.id.as_str()) {
                return Err(duplicate_id(file, &e.id));
            }
            for name in std::iter::once(e.file.as_str()).chain(e.published.as_ref().map(|p| p.file.as_str())) {
                check_file_name(name).map_err(|(vi, en)| Error::catalogue(file, vi, en))?;
            }
            let mut groups = std::collections::BTreeSet::new();
            for g in &e.groups {
                if !groups.insert(g.group.as_str()) {
                    return Err(Error::catalogue(
                        file,
                        format!("nhóm “{}” của bộ “{}” có hai tệp", g.group, e.id),
                        format!("group “{}” of set “{}” has two files", g.group, e.id),
                    ));
                }
                let name = g.file.strip_prefix(GROUPS_DIR).and_then(|n| n.strip_prefix('/')).unwrap_or(&g.file);
                check_file_name(name).map_err(|(vi, en)| Error::catalogue(file, vi, en))?;
                if name == g.file {
                    return Err(Error::catalogue(
                        file,
                        format!("tệp nhóm “{}” nằm trong thư mục {GROUPS_DIR}/", g.file),
                        format!("a group file (“{}”) lies in the folder {GROUPS_DIR}/", g.file),
                    ));
                }
            }
        }
        Ok(index)
    }

    #[must_use]
    pub fn get(&self, id: &str) -> Option<&Entry> {
        self.sets.iter().find(|e| e.id == id)
    }

    /// The set a first visit opens: the newest one with published results (a self-check
    /// can then be ranked against real figures), else the newest.
    #[must_use]
    pub fn default_set(&self) -> Option<&Entry> {
        let newest = |a: &&Entry, b: &&Entry| a.year.cmp(&b.year).then_with(|| b.id.cmp(&a.id));
        self.sets.iter().filter(|e| e.published.is_some()).max_by(newest).or_else(|| self.sets.iter().max_by(newest))
    }
}

fn duplicate_id(file: &str, id: &str) -> Error {
    Error::catalogue(
        file,
        format!("mã bộ chỉ số “{id}” xuất hiện hai lần; mỗi bộ cần một mã riêng"),
        format!("set id “{id}” appears twice; each set needs an id of its own"),
    )
}

/// A file name the catalogue can list: letters, digits, `-`, `_`, `.`, not hidden.
fn check_file_name(name: &str) -> Result<(), (String, String)> {
    let plain = !name.is_empty()
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if plain {
        Ok(())
    } else {
        Err((
            format!("tên tệp “{name}” chỉ được gồm chữ cái không dấu, chữ số, “-”, “_”, “.” (ví dụ laocai-2024.json)"),
            format!("file name “{name}” may only contain ASCII letters, digits, “-”, “_”, “.” (e.g. laocai-2024.json)"),
        ))
    }
}

#[cfg(feature = "cli")]
pub use build::{digest, index_dir, write_index, Written};
#[cfg(feature = "cli")]
pub use build::{group_files, write_index_with_groups};

/// Native only: reading a folder, hashing and compressing stay out of the browser bundle.
#[cfg(feature = "cli")]
mod build {
    use std::path::Path;

    use sha2::{Digest, Sha256};

    use super::{check_file_name, Entry, FileRef, GroupFile, GroupRef, Index, FORMAT, GROUPS_DIR, INDEX_FILE};
    use crate::error::Error;
    use crate::framework::Framework;

    /// SHA-256 of `bytes`, as the first [`super::DIGEST_LEN`] lowercase hex characters.
    #[must_use]
    pub fn digest(bytes: &[u8]) -> String {
        let hash = Sha256::digest(bytes);
        hash.iter().map(|b| format!("{b:02x}")).collect::<String>()[..super::DIGEST_LEN].to_owned()
    }

    fn io_error(file: &str, e: &std::io::Error) -> Error {
        Error::catalogue(file, format!("không đọc/ghi được ({e})"), format!("cannot read or write ({e})"))
    }

    /// What was written: the catalogue and the compressed copies refreshed or removed.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct Written {
        pub index: Index,
        /// Group files written (`groups/…`), when the set is served by group.
        pub groups: Vec<String>,
        pub gzipped: Vec<String>,
        pub removed: Vec<String>,
    }

    /// The files of `framework`'s groups, as `groups/STEM.GROUP.json` beside the set's file
    /// `file` (whose digest is `set_digest`): name, group and bytes, in the set's order.
    pub fn group_files(file: &str, framework: &Framework, set_digest: &str) -> Vec<(String, String, Vec<u8>)> {
        let stem = file.strip_suffix(".json").unwrap_or(file);
        framework
            .groups
            .iter()
            .enumerate()
            .filter_map(|(n, g)| {
                let set = framework.only_group(&g.id)?;
                // A group id that is no plain file name is numbered instead.
                let tail = if check_file_name(&g.id).is_ok() { g.id.clone() } else { format!("{}", n + 1) };
                let part = GroupFile { group: g.id.clone(), set_digest: set_digest.to_owned(), set };
                let mut json = serde_json::to_string(&part).unwrap_or_default();
                json.push('\n');
                Some((format!("{GROUPS_DIR}/{stem}.{tail}.json"), g.id.clone(), json.into_bytes()))
            })
            .collect()
    }

    /// Reads every set (`*.json`) and published results (`NAME.csv` beside `NAME.json`) of
    /// `dir` and validates them; any invalid file refuses the whole catalogue, named.
    pub fn index_dir(dir: &Path) -> Result<Index, Error> {
        scan(dir, false).map(|(index, _)| index)
    }

    /// The catalogue of `dir` and, with `groups`, each set's group files (name, bytes),
    /// listed in it.
    #[allow(clippy::type_complexity)]
    fn scan(dir: &Path, groups: bool) -> Result<(Index, Vec<(String, Vec<u8>)>), Error> {
        let shown = |name: &str| dir.join(name).display().to_string();
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| io_error(&dir.display().to_string(), &e))?
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
            .filter_map(|e| e.file_name().into_string().ok())
            .filter(|n| !n.starts_with('.') && n != INDEX_FILE && (n.ends_with(".json") || n.ends_with(".csv")))
            .collect();
        names.sort();
        let mut sets: Vec<Entry> = Vec::new();
        let mut files: Vec<(String, Framework)> = Vec::new();
        for name in names.iter().filter(|n| n.ends_with(".json")) {
            check_file_name(name).map_err(|(vi, en)| Error::catalogue(&shown(name), vi, en))?;
            let bytes = std::fs::read(dir.join(name)).map_err(|e| io_error(&shown(name), &e))?;
            let text = crate::text::decode_input(&shown(name), &bytes)?;
            let f = Framework::from_json(&shown(name), text)?;
            if let Some((other, _)) = files.iter().find(|(_, g)| g.id == f.id) {
                let id = &f.id;
                return Err(Error::catalogue(
                    &shown(name),
                    format!("mã bộ chỉ số “{id}” đã có trong {other}; mỗi bộ cần một mã riêng"),
                    format!("set id “{id}” is already in {other}; each set needs an id of its own"),
                ));
            }
            sets.push(Entry {
                id: f.id.clone(),
                year: f.year,
                title_vi: f.title_vi.clone(),
                title_en: f.title_en.clone(),
                status: f.status,
                file: name.clone(),
                digest: digest(&bytes),
                published: None,
                groups: Vec::new(),
            });
            files.push((name.clone(), f));
        }
        for name in names.iter().filter(|n| n.ends_with(".csv")) {
            check_file_name(name).map_err(|(vi, en)| Error::catalogue(&shown(name), vi, en))?;
            let set_file = format!("{}.json", name.trim_end_matches(".csv"));
            let Some((i, (_, framework))) = files.iter().enumerate().find(|(_, (n, _))| *n == set_file) else {
                return Err(Error::catalogue(
                    &shown(name),
                    format!("kết quả công bố không có bộ chỉ số đi kèm: cần tệp {set_file} cùng thư mục"),
                    format!("published results without their set: {set_file} is needed in the same folder"),
                ));
            };
            let bytes = std::fs::read(dir.join(name)).map_err(|e| io_error(&shown(name), &e))?;
            crate::check::parse_published(framework, &shown(name), &bytes)?;
            sets[i].published = Some(FileRef { file: name.clone(), digest: digest(&bytes) });
        }
        let mut parts: Vec<(String, Vec<u8>)> = Vec::new();
        if groups {
            for (entry, (name, framework)) in sets.iter_mut().zip(&files) {
                for (file, group, bytes) in group_files(name, framework, &entry.digest) {
                    if parts.iter().any(|(f, _)| *f == file) {
                        return Err(Error::catalogue(
                            &shown(name),
                            format!("tệp nhóm {file} trùng tên với tệp nhóm của bộ khác; hãy đổi tên tệp bộ chỉ số"),
                            format!("group file {file} has the name of another set's group file; rename the set's file"),
                        ));
                    }
                    entry.groups.push(GroupRef { group, file: file.clone(), digest: digest(&bytes) });
                    parts.push((file, bytes));
                }
            }
        }
        sets.sort_by(|a, b| a.year.cmp(&b.year).then_with(|| a.id.cmp(&b.id)));
        Ok((Index { format: FORMAT, sets }, parts))
    }

    /// Rewrites `dir/index.json` from the files of `dir`. Gzip copies (`.gz`, level 9, for
    /// nginx `gzip_static`) are written for the catalogue and every listed file when `gzip`
    /// is asked or the folder already has any, so none is left stale; `.br` copies beside
    /// them and compressed copies of files that are gone are removed (nginx then falls
    /// back to the `.gz` or the file itself). Nothing is written when a file is invalid.
    pub fn write_index(dir: &Path, gzip: bool) -> Result<Written, Error> {
        write_index_with_groups(dir, gzip, false)
    }

    /// [`write_index`], and with `groups` (or when `dir` already has a `groups/` folder)
    /// each set's groups as files of their own in `dir/groups/`, listed in the catalogue;
    /// that folder is the command's: files it no longer lists are removed. The group files
    /// are written before the catalogue that lists them.
    pub fn write_index_with_groups(dir: &Path, gzip: bool, groups: bool) -> Result<Written, Error> {
        let groups_dir = dir.join(GROUPS_DIR);
        let groups = groups || groups_dir.is_dir();
        let (index, parts) = scan(dir, groups)?;
        let shown = |name: &str| dir.join(name).display().to_string();
        let mut removed = Vec::new();
        if groups {
            std::fs::create_dir_all(&groups_dir).map_err(|e| io_error(&shown(GROUPS_DIR), &e))?;
            for (name, bytes) in &parts {
                let tmp = dir.join(format!("{name}.tmp"));
                std::fs::write(&tmp, bytes).map_err(|e| io_error(&shown(name), &e))?;
                std::fs::rename(&tmp, dir.join(name)).map_err(|e| io_error(&shown(name), &e))?;
            }
            let present: Vec<String> = std::fs::read_dir(&groups_dir)
                .map_err(|e| io_error(&shown(GROUPS_DIR), &e))?
                .filter_map(Result::ok)
                .filter_map(|e| e.file_name().into_string().ok())
                .map(|n| format!("{GROUPS_DIR}/{n}"))
                .collect();
            // Only the listed files and their .gz copies stay (a .br copy would be stale).
            for name in present {
                let base = name.strip_suffix(".gz").unwrap_or(&name);
                if !parts.iter().any(|(f, _)| *f == base) {
                    std::fs::remove_file(dir.join(&name)).map_err(|e| io_error(&shown(&name), &e))?;
                    removed.push(name);
                }
            }
        }
        let mut json = serde_json::to_string_pretty(&index).unwrap_or_default();
        json.push('\n');
        let tmp = dir.join(format!(".{INDEX_FILE}.tmp"));
        std::fs::write(&tmp, json.as_bytes()).map_err(|e| io_error(&shown(INDEX_FILE), &e))?;
        std::fs::rename(&tmp, dir.join(INDEX_FILE)).map_err(|e| io_error(&shown(INDEX_FILE), &e))?;

        let listed: Vec<String> = std::iter::once(INDEX_FILE.to_owned())
            .chain(index.sets.iter().flat_map(|e| std::iter::once(e.file.clone()).chain(e.published.as_ref().map(|p| p.file.clone()))))
            .chain(parts.iter().map(|(f, _)| f.clone()))
            .collect();
        let entries: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| io_error(&dir.display().to_string(), &e))?
            .filter_map(Result::ok)
            .filter_map(|e| e.file_name().into_string().ok())
            .collect();
        let gzip = gzip || entries.iter().any(|n| n.ends_with(".gz"));
        for name in &entries {
            let Some(base) = name.strip_suffix(".gz").or_else(|| name.strip_suffix(".br")) else { continue };
            let stale = name.ends_with(".br") && listed.iter().any(|l| l == base);
            if stale || !dir.join(base).is_file() {
                std::fs::remove_file(dir.join(name)).map_err(|e| io_error(&shown(name), &e))?;
                removed.push(name.clone());
            }
        }
        let mut gzipped = Vec::new();
        if gzip {
            for name in &listed {
                let raw = std::fs::read(dir.join(name)).map_err(|e| io_error(&shown(name), &e))?;
                let gz = gzip_bytes(&raw).map_err(|e| io_error(&shown(name), &e))?;
                let target = format!("{name}.gz");
                std::fs::write(dir.join(&target), gz).map_err(|e| io_error(&shown(&target), &e))?;
                gzipped.push(target);
            }
        }
        Ok(Written { index, groups: parts.into_iter().map(|(f, _)| f).collect(), gzipped, removed })
    }

    fn gzip_bytes(raw: &[u8]) -> std::io::Result<Vec<u8>> {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        enc.write_all(raw)?;
        enc.finish()
    }
}
