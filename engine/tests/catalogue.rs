//! The catalogue of served sets (`sets/index.json`): digests follow the bytes, invalid
//! files are refused by name and nothing is written, compressed copies never go stale.

use std::path::{Path, PathBuf};

use dti_engine::catalogue::{digest, group_files, index_dir, write_index, write_index_with_groups, GroupFile, Index, FORMAT, INDEX_FILE};
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

/// The reference set of the seed's year, as shipped in data/.
const SET_2022: &str = include_str!("../../data/frameworks/laocai-2022.json");

fn read_group(dir: &Path, entry: &dti_engine::catalogue::Entry, group: &str) -> Result<dti_engine::framework::Framework, Error> {
    let part = entry.group_file(group).unwrap_or_else(|| panic!("no file for group {group}"));
    let json = std::fs::read_to_string(dir.join(&part.file)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(digest(json.as_bytes()), part.digest, "the catalogue's digest is the group file's");
    GroupFile::read(&format!("sets/{}", part.file), &json, entry, group)
}

#[test]
fn each_group_is_served_as_a_file_of_its_own_that_holds_that_group_only() {
    let dir = folder("groups");
    put(&dir, "a-2022.json", &mini("a-2022", 2022));
    put(&dir, "a-2022.csv", RESULTS);
    let written = write_index_with_groups(&dir, true, true).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written.groups, vec!["groups/a-2022.a.json".to_owned(), "groups/a-2022.b.json".to_owned()]);
    for name in ["groups/a-2022.a.json.gz", "groups/a-2022.b.json.gz", "a-2022.json.gz", "index.json.gz"] {
        assert!(written.gzipped.iter().any(|g| g == name), "{name} in {:?}", written.gzipped);
    }
    let text = std::fs::read_to_string(dir.join(INDEX_FILE)).unwrap_or_else(|e| panic!("{e}"));
    let index = Index::from_json("index.json", &text).unwrap_or_else(|e| panic!("{e}"));
    let entry = &index.sets[0];
    // The sheet keeps naming the whole set: its digest is the whole file's, as before.
    assert_eq!(entry.digest, digest(mini("a-2022", 2022).as_bytes()));
    let whole = dti_engine::framework::Framework::from_json("a-2022.json", &mini("a-2022", 2022)).unwrap_or_else(|e| panic!("{e}"));
    for (group, max, leaves) in [("a", "100", 7), ("b", "80", 6)] {
        let part = read_group(&dir, entry, group).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(part.groups, whole.groups, "every group is named, for the picker");
        assert_eq!(part.computed_max(group).map(|m| m.to_string()), Some(max.to_owned()));
        let codes = |f: &dti_engine::framework::Framework, g: &str| f.nodes(g).iter().map(|n| n.indicator.code.clone()).collect::<Vec<_>>();
        assert_eq!(codes(&part, group), codes(&whole, group), "group {group}: the same tree, in the same order");
        assert_eq!(part.scoring_leaves(group).len(), leaves);
        let other = if group == "a" { "b" } else { "a" };
        assert!(part.nodes(other).is_empty(), "nothing of group {other} can be read from group {group}'s file");
        assert_eq!(Some(part), whole.only_group(group));
    }
    // "3" (procedures) is group a's only: b's file is smaller.
    let size = |g: &str| std::fs::metadata(dir.join(&entry.group_file(g).unwrap_or_else(|| panic!("{g}")).file)).map(|m| m.len()).unwrap_or(0);
    assert!(size("b") < size("a"));
}

#[test]
fn a_group_file_that_disagrees_with_the_catalogue_is_refused_by_name() {
    let dir = folder("groups-mismatch");
    put(&dir, "s.json", &mini("s", 2022));
    let index = write_index_with_groups(&dir, false, true).unwrap_or_else(|e| panic!("{e}")).index;
    let entry = &index.sets[0];
    let part = entry.group_file("a").unwrap_or_else(|| panic!("a"));
    let json = std::fs::read_to_string(dir.join(&part.file)).unwrap_or_else(|e| panic!("{e}"));
    // Another version of the set (the catalogue rewritten, the group file not).
    let newer = dti_engine::catalogue::Entry { digest: "0000000000000000".into(), ..entry.clone() };
    let message = GroupFile::read("sets/groups/s.a.json", &json, &newer, "a").expect_err("another version").message(Lang::Vi);
    assert!(message.contains("sets/groups/s.a.json") && message.contains("dti sets index") && message.contains("0000000000000000"), "{message}");
    // Asked for another group than the file holds.
    let message = GroupFile::read("sets/groups/s.a.json", &json, entry, "b").expect_err("another group").message(Lang::En);
    assert!(message.contains("group “a”") && message.contains("group “b”"), "{message}");
    // A file that holds an indicator of the other group too is not group a's file.
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap_or_else(|e| panic!("{e}"));
    value["set"]["indicators"][3]["groups"] = serde_json::json!(["a", "b"]);
    let e = GroupFile::read("sets/groups/s.a.json", &value.to_string(), entry, "a").expect_err("a shared main indicator");
    assert!(matches!(e, Error::FrameworkInvalid { .. }), "{e:?}");
    assert!(e.message(Lang::Vi).contains("nhóm a"), "{}", e.message(Lang::Vi));
    // Validated as a set: its tree must add up to the group's maximum.
    let broken = json.replacen("\"max_points\":\"10\"", "\"max_points\":\"11\"", 1);
    assert_ne!(broken, json);
    assert!(matches!(GroupFile::read("sets/groups/s.a.json", &broken, entry, "a"), Err(Error::FrameworkInvalid { .. })));
    let e = GroupFile::read("sets/groups/s.a.json", "{\"group\":", entry, "a").expect_err("cut short");
    assert!(matches!(&e, Error::FrameworkJson { file, .. } if file == "sets/groups/s.a.json"), "{e:?}");
}

#[test]
fn group_files_are_kept_in_step_once_the_folder_has_them() {
    let dir = folder("groups-refresh");
    put(&dir, "s.json", &mini("s", 2022));
    put(&dir, "t.json", &mini("t", 2023));
    write_index_with_groups(&dir, true, true).unwrap_or_else(|e| panic!("{e}"));
    put(&dir, "groups/s.a.json.br", "stale");
    // A deployer's plain `dti sets index` after replacing s and removing t.
    put(&dir, "s.json", &mini("s", 2022).replacen("Nhóm A", "Nhóm A (mới)", 1));
    std::fs::remove_file(dir.join("t.json")).unwrap_or_else(|e| panic!("{e}"));
    let written = write_index(&dir, false).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(written.groups, vec!["groups/s.a.json".to_owned(), "groups/s.b.json".to_owned()]);
    let mut removed = written.removed.clone();
    removed.sort();
    assert_eq!(
        removed,
        vec!["groups/s.a.json.br", "groups/t.a.json", "groups/t.a.json.gz", "groups/t.b.json", "groups/t.b.json.gz", "t.json.gz"]
    );
    let entry = &written.index.sets[0];
    let part = read_group(&dir, entry, "b").unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(part.group_name("a", Lang::Vi), "Nhóm A (mới)");
    let gz = std::fs::read(dir.join("groups/s.b.json.gz")).unwrap_or_else(|e| panic!("{e}"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut flate2::read::GzDecoder::new(&gz[..]), &mut text).unwrap_or_else(|e| panic!("{e}"));
    assert!(text.contains("Nhóm A (mới)"), "the .gz copy of a group file holds the new bytes");
    // Without the folder, nothing changes for a deployer who never asked for group files.
    let plain = folder("groups-none");
    put(&plain, "s.json", &mini("s", 2022));
    let written = write_index(&plain, false).unwrap_or_else(|e| panic!("{e}"));
    assert!(written.groups.is_empty() && written.index.sets[0].groups.is_empty() && !plain.join("groups").exists());
}

#[test]
fn the_seed_years_set_by_group_keeps_each_groups_published_counts_and_maximum() {
    let whole = dti_engine::framework::Framework::from_json("laocai-2022.json", SET_2022).unwrap_or_else(|e| panic!("{e}"));
    let files = group_files("laocai-2022.json", &whole, "27d8ea56c599be09");
    let names: Vec<_> = files.iter().map(|(n, g, _)| (n.as_str(), g.as_str())).collect();
    assert_eq!(names[0], ("groups/laocai-2022.co_tthc.json", "co_tthc"));
    assert_eq!(names.len(), 5);
    let entry = dti_engine::catalogue::Entry {
        id: whole.id.clone(),
        year: whole.year,
        title_vi: whole.title_vi.clone(),
        title_en: whole.title_en.clone(),
        status: whole.status,
        file: "laocai-2022.json".into(),
        digest: "27d8ea56c599be09".into(),
        published: None,
        groups: Vec::new(),
    };
    // Published in the 2022 decision: main indicators / sub-indicators / maximum per group.
    for (group, mains, leaves, max) in
        [("co_tthc", 6, 35, "1.000"), ("khong_tthc", 6, 28, "750"), ("huyen", 8, 65, "1.000"), ("co_quan_huyen", 6, 30, "1.000"), ("xa", 8, 62, "1.000")]
    {
        let (_, _, bytes) = files.iter().find(|(_, g, _)| g == group).unwrap_or_else(|| panic!("{group}"));
        let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{e}"));
        let part = GroupFile::read(group, text, &entry, group).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(part.mains(group).iter().filter(|m| !m.max_points.is_zero()).count(), mains, "{group}");
        assert_eq!(part.scoring_leaves(group).len(), leaves, "{group}");
        assert_eq!(part.scoring_leaves(group), whole.scoring_leaves(group), "{group}");
        assert_eq!(part.computed_max(group).map(dti_engine::number::format_compact).as_deref(), Some(max), "{group}");
        assert!(bytes.len() * 2 < SET_2022.len(), "{group}: {} of {} bytes", bytes.len(), SET_2022.len());
    }
}
