//! `dti sets index`: the catalogue of the sets served beside the app.

use dti_engine::{Error, Lang};

pub(crate) fn cmd_sets_index(dir: &std::path::Path, gzip: bool, groups: bool, lang: Lang) -> Result<(String, u8), Error> {
    let written = dti_engine::catalogue::write_index_with_groups(dir, gzip, groups)?;
    let vi = lang == Lang::Vi;
    let mut out = String::new();
    let target = dir.join(dti_engine::catalogue::INDEX_FILE);
    out.push_str(&if vi {
        format!("{}: {} bộ chỉ số\n", target.display(), written.index.sets.len())
    } else {
        format!("{}: {} indicator sets\n", target.display(), written.index.sets.len())
    });
    for e in &written.index.sets {
        let published = e.published.as_ref().map(|p| format!(" + {} {}", p.file, p.digest)).unwrap_or_default();
        out.push_str(&format!("  {}\t{}\t{} {}{published}\n", e.id, e.year, e.file, e.digest));
    }
    if !written.groups.is_empty() {
        out.push_str(&format!("  {}: {}\n", if vi { "tệp theo nhóm" } else { "group files" }, written.groups.len()));
    }
    if !written.gzipped.is_empty() {
        out.push_str(&format!("  .gz: {}\n", written.gzipped.len()));
    }
    for r in &written.removed {
        let file = r.starts_with(dti_engine::catalogue::GROUPS_DIR) && !r.ends_with(".gz") && !r.ends_with(".br");
        let what = match (vi, file) {
            (true, true) => "đã xóa tệp nhóm cũ",
            (false, true) => "removed old group file",
            (true, false) => "đã xóa bản nén cũ",
            (false, false) => "removed stale copy",
        };
        out.push_str(&format!("  {what} {r}\n"));
    }
    Ok((out, 0))
}
