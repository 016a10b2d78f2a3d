//! The catalogue of served sets (`sets/index.json`): digests follow the bytes, invalid
//! files are refused by name and nothing is written, compressed copies never go stale.

use std::path::{Path, PathBuf};

use dti_engine::catalogue::{digest, index_dir, write_index, Index, FORMAT, INDEX_FILE};
use dti_engine::{Error, Lang};

mod common;
use common::MINI;

/// A fresh folder per test (tests run in parallel).
fn folder(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dti-catalogue-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{e}"));
    dir
}

fn put(dir: &Path, name: &str, text: &str) {
    std::fs::write(dir.join(name), text).unwrap_or_else(|e| panic!("{e}"));
}

/// The fixture set under another id and year.
fn mini(id: &str, year: u16) -> String {
    MINI.replacen("\"id\": \"mini\"", &format!("\"id\": \"{id}\""), 1).replacen("\"year\": 2022", &format!("\"year\": {year}"), 1)
}

const RESULTS: &str = "group,rank,name,total,level,group_average\na,1,Sở Tư pháp,60,Nâng cao,60\n";

#[test]
fn digest_is_the_sha256_prefix_of_the_bytes() {
    // FIPS 180-2 test vector: SHA-256("abc") = ba7816bf8f01cfea414140de5dae2223…
    assert_eq!(digest(b"abc"), "ba7816bf8f01cfea");
    assert_eq!(digest(b"abc").len(), 16);
}

#[test]
fn the_catalogue_lists_every_set_with_its_digest_and_results() {
    let dir = folder("list");
    put(&dir, "b-2023.json", &mini("b-2023", 2023));
    put(&dir, "a-2022.json", &mini("a-2022", 2022));
    put(&dir, "a-2022.csv", RESULTS);
    put(&dir, "README.txt", "not a set");
    let written = write_index(&dir, false).unwrap_or_else(|e| panic!("{e}"));
    let text = std::fs::read_to_string(dir.join(INDEX_FILE)).unwrap_or_else(|e| panic!("{e}"));
    let index = Index::from_json("index.json", &text).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(index, written.index);
    assert_eq!(index.format, FORMAT);
    let listed: Vec<_> = index.sets.iter().map(|e| (e.id.as_str(), e.year, e.file.as_str())).collect();
    assert_eq!(listed, vec![("a-2022", 2022, "a-2022.json"), ("b-2023", 2023, "b-2023.json")]);
    let a = &index.sets[0];
    assert_eq!(a.title_vi, "Bộ chỉ số thử nghiệm");
    assert_eq!(a.digest, digest(mini("a-2022", 2022).as_bytes()));
    assert_eq!(a.published.as_ref().map(|p| (p.file.as_str(), p.digest.clone())), Some(("a-2022.csv", digest(RESULTS.as_bytes()))));
    assert_eq!(a.set_file().url(), format!("a-2022.json?v={}", a.digest));
    assert!(index.sets[1].published.is_none());
    // A first visit opens the newest set with published results.
    assert_eq!(index.default_set().map(|e| e.id.as_str()), Some("a-2022"));
    assert!(written.gzipped.is_empty(), "no .gz copies unless asked or already there");
}

#[test]
fn a_changed_set_gets_another_digest_and_the_same_bytes_the_same() {
    let dir = folder("digest");
    put(&dir, "s.json", &mini("s", 2022));
    let first = index_dir(&dir).unwrap_or_else(|e| panic!("{e}")).sets[0].digest.clone();
    let again = index_dir(&dir).unwrap_or_else(|e| panic!("{e}")).sets[0].digest.clone();
    assert_eq!(first, again);
    put(&dir, "s.json", &mini("s", 2022).replacen("Bộ chỉ số thử nghiệm", "Bộ chỉ số thử nghiệm (sửa)", 1));
    let changed = index_dir(&dir).unwrap_or_else(|e| panic!("{e}")).sets[0].digest.clone();
    assert_ne!(first, changed);
}

#[test]
fn an_invalid_set_is_refused_by_name_and_the_catalogue_is_left_as_it_was() {
    let dir = folder("invalid");
    put(&dir, "good.json", &mini("good", 2022));
    write_index(&dir, false).unwrap_or_else(|e| panic!("{e}"));
    let before = std::fs::read_to_string(dir.join(INDEX_FILE)).unwrap_or_else(|e| panic!("{e}"));
    put(&dir, "broken.json", &mini("broken", 2023).replacen("\"max_points\": \"5\"", "\"max_points\": \"6\"", 1));
    let e = write_index(&dir, false).expect_err("a set whose children do not add up is refused");
    let message = e.message(Lang::Vi);
    assert!(matches!(e, Error::FrameworkInvalid { .. }), "{e:?}");
    assert!(message.contains("broken.json") && message.contains("chỉ số 1:"), "{message}");
    assert_eq!(std::fs::read_to_string(dir.join(INDEX_FILE)).unwrap_or_default(), before, "nothing written");

    put(&dir, "broken.json", "{ \"id\": ");
    let e = write_index(&dir, false).expect_err("unreadable JSON is refused");
    assert!(matches!(&e, Error::FrameworkJson { file, .. } if file.ends_with("broken.json")), "{e:?}");
}

#[test]
fn conflicts_between_files_are_refused_with_both_named() {
    let dir = folder("conflicts");
    put(&dir, "one.json", &mini("same", 2022));
    put(&dir, "two.json", &mini("same", 2023));
    let e = index_dir(&dir).expect_err("two files with one id");
    let message = e.message(Lang::En);
    assert!(message.contains("two.json") && message.contains("one.json") && message.contains("“same”"), "{message}");

    let dir = folder("orphan");
    put(&dir, "s.json", &mini("s", 2022));
    put(&dir, "other.csv", RESULTS);
    let message = index_dir(&dir).expect_err("results without a set").message(Lang::Vi);
    assert!(message.contains("other.csv") && message.contains("other.json"), "{message}");

    let dir = folder("badcsv");
    put(&dir, "s.json", &mini("s", 2022));
    put(&dir, "s.csv", &RESULTS.replace("a,1,", "zz,1,"));
    let message = index_dir(&dir).expect_err("results of a group the set lacks").message(Lang::Vi);
    assert!(message.contains("s.csv") && message.contains("zz"), "{message}");

    let dir = folder("name");
    put(&dir, "bộ 2024.json", &mini("s", 2024));
    let message = index_dir(&dir).expect_err("a file name to escape in a URL").message(Lang::Vi);
    assert!(message.contains("bộ 2024.json"), "{message}");
}

#[test]
fn compressed_copies_are_refreshed_never_left_stale() {
    let dir = folder("gzip");
    put(&dir, "s.json", &mini("s", 2022));
    let written = write_index(&dir, true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written.gzipped, vec!["index.json.gz".to_owned(), "s.json.gz".to_owned()]);
    // A replaced set, a new one, a stale brotli copy and the copy of a removed file.
    put(&dir, "s.json", &mini("s", 2022).replacen("Nhóm A", "Nhóm A (mới)", 1));
    put(&dir, "t.json", &mini("t", 2023));
    put(&dir, "s.json.br", "stale");
    put(&dir, "gone.json.gz", "stale");
    let written = write_index(&dir, false).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written.gzipped.len(), 3, "{:?}", written.gzipped);
    let mut removed = written.removed.clone();
    removed.sort();
    assert_eq!(removed, vec!["gone.json.gz".to_owned(), "s.json.br".to_owned()]);
    let gz = std::fs::read(dir.join("s.json.gz")).unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut text).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("Nhóm A (mới)"), "the .gz copy holds the new bytes");
}

#[test]
fn a_catalogue_read_by_the_app_is_checked() {
    let ok = r#"{"format":1,"sets":[{"id":"x","year":2024,"title_vi":"X","title_en":"X","status":"official","file":"x.json","digest":"0123456789abcdef"}]}"#;
    let index = Index::from_json("sets/index.json", ok).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(index.default_set().map(|e| e.id.as_str()), Some("x"), "no results anywhere: the newest");
    let message = Index::from_json("sets/index.json", &ok.replace("\"format\":1", "\"format\":2")).expect_err("format 2").message(Lang::Vi);
    assert!(message.contains("sets/index.json") && message.contains("định dạng 2"), "{message}");
    let message = Index::from_json("sets/index.json", &ok.replace("x.json", "../x.json")).expect_err("a path").message(Lang::En);
    assert!(message.contains("../x.json"), "{message}");
    let twice = ok.replace("}]}", "},{\"id\":\"x\",\"year\":2025,\"title_vi\":\"X\",\"title_en\":\"X\",\"status\":\"official\",\"file\":\"y.json\",\"digest\":\"1\"}]}");
    assert!(Index::from_json("sets/index.json", &twice).expect_err("duplicate").message(Lang::Vi).contains("“x”"));
}
