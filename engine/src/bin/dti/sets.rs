//! `dti sets index`: the catalogue of the sets served beside the app.

use dti_engine::{Error, Lang};

pub(crate) fn cmd_sets_index(dir: &std::path::Path, gzip: bool, lang: Lang) -> Result<(String, u8), Error> {
    let written = dti_engine::catalogue::write_index(dir, gzip)?;
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
    if !written.gzipped.is_empty() {
        out.push_str(&format!("  .gz: {}\n", written.gzipped.len()));
    }
    for r in &written.removed {
        out.push_str(&format!("  {} {r}\n", if vi { "đã xóa bản nén cũ" } else { "removed stale copy" }));
    }
    Ok((out, 0))
}
