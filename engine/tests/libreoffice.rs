//! The annex through LibreOffice Calc (headless), as a department's spreadsheet re-saves
//! it: an exported workbook re-saved as .xlsx, and the CSV opened and saved again in the
//! Vietnamese locale, both import to the same set. Needs `soffice` (scripts/install.sh
//! brings it), so the tests are run explicitly by scripts/test.sh:
//! `cargo test -p dti-engine --test libreoffice -- --ignored`.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use dti_engine::annex::{self, ImportError};
use dti_engine::{builtin, Framework};

fn normalized(mut f: Framework) -> Framework {
    let all: Vec<String> = f.groups.iter().map(|g| g.id.clone()).collect();
    for ind in &mut f.indicators {
        if ind.groups.as_ref().is_some_and(|g| *g == all) {
            ind.groups = None;
        }
    }
    f
}

/// Both reference sets (whatever `data/frameworks` holds), the fixture, and the fixture
/// with decimal maxima (7,5 + 7,5 + 10 + 15 = 40), which a Vietnamese locale writes "7,5".
fn sets() -> Vec<Framework> {
    let mut v: Vec<Framework> = builtin::ids().into_iter().map(|id| builtin::framework(id).unwrap_or_else(|e| panic!("{e}"))).collect();
    v.push(common::mini());
    let mut decimal = common::mini();
    decimal.id = "mini-thap-phan".into();
    decimal.indicators[1].children[0].max_points = common::d("7.5");
    decimal.indicators[1].children[1].max_points = common::d("7.5");
    v.push(Framework::from_json("x", &serde_json::to_string(&decimal).unwrap_or_default()).unwrap_or_else(|e| panic!("{e}")));
    v
}

fn workdir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dti-lo-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("in")).unwrap_or_else(|e| panic!("{e}"));
    dir
}

/// One soffice run converting every file in `dir/in` into `dir/<out>`.
fn soffice(dir: &Path, out: &str, args: &[&str], inputs: &[PathBuf]) {
    soffice_in(dir, out, args, inputs, "vi_VN.UTF-8");
}

/// The same under another locale (`C.UTF-8` where output file names carry Vietnamese:
/// without an installed vi_VN locale, Calc falls back to ASCII and writes "Nh?m").
fn soffice_in(dir: &Path, out: &str, args: &[&str], inputs: &[PathBuf], lang: &str) {
    let soffice = std::env::var("SOFFICE_PATH").unwrap_or_else(|_| "soffice".into());
    let status = Command::new(&soffice)
        .args(["--headless", "--norestore", "--nolockcheck"])
        .arg(format!("-env:UserInstallation=file://{}", dir.join("profile").display()))
        .args(args)
        .arg("--outdir")
        .arg(dir.join(out))
        .args(inputs)
        .env("HOME", dir)
        .env("LANG", lang)
        .output()
        .unwrap_or_else(|e| panic!("{soffice} did not start ({e}); install LibreOffice (scripts/install.sh)"));
    assert!(status.status.success(), "soffice failed: {}\n{}", String::from_utf8_lossy(&status.stdout), String::from_utf8_lossy(&status.stderr));
}

fn errors(e: &ImportError) -> String {
    e.errors().iter().map(|e| e.to_string()).collect::<Vec<_>>().join("\n")
}

#[test]
#[ignore = "needs LibreOffice; scripts/test.sh runs it"]
fn a_workbook_resaved_by_libreoffice_imports_to_the_same_set() {
    let dir = workdir("xlsx");
    let sets = sets();
    let mut inputs = Vec::new();
    for f in &sets {
        let path = dir.join("in").join(format!("{}.xlsx", f.id));
        std::fs::write(&path, dti_engine::xlsx::to_xlsx(f).unwrap_or_else(|e| panic!("{e}"))).unwrap_or_else(|e| panic!("{e}"));
        inputs.push(path);
    }
    soffice(&dir, "out", &["--convert-to", "xlsx:Calc MS Excel 2007 XML"], &inputs);
    for f in &sets {
        let path = dir.join("out").join(format!("{}.xlsx", f.id));
        let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        assert_ne!(bytes, dti_engine::xlsx::to_xlsx(f).unwrap_or_default(), "LibreOffice wrote its own file");
        let back = dti_engine::xlsx::from_xlsx(&path.display().to_string(), &bytes).unwrap_or_else(|e| panic!("{}: {}", f.id, errors(&e)));
        assert_eq!(back, normalized(f.clone()), "{} after LibreOffice", f.id);
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
#[ignore = "needs LibreOffice; scripts/test.sh runs it"]
fn a_csv_saved_by_libreoffice_in_the_vietnamese_locale_imports_to_the_same_set() {
    let dir = workdir("csv");
    let sets = sets();
    let mut inputs = Vec::new();
    for f in &sets {
        let path = dir.join("in").join(format!("{}.csv", f.id));
        std::fs::write(&path, annex::to_csv(f).unwrap_or_else(|e| panic!("{e}"))).unwrap_or_else(|e| panic!("{e}"));
        inputs.push(path);
    }
    // Read as a Vietnamese-locale Calc reads it (';', '"', UTF-8, language 1066: decimal
    // comma), saved back with ';' and with ',' as the separator.
    let infilter = "--infilter=CSV:59,34,76,1,,1066";
    soffice(&dir, "semicolon", &[infilter, "--convert-to", "csv:Text - txt - csv (StarCalc):59,34,76,1,,1066"], &inputs);
    soffice(&dir, "comma", &[infilter, "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,1066"], &inputs);
    for out in ["semicolon", "comma"] {
        for f in &sets {
            let path = dir.join(out).join(format!("{}.csv", f.id));
            let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            let text = String::from_utf8_lossy(&bytes);
            // LibreOffice wrote the numbers the Vietnamese way: "12,5" stays "12,5".
            if f.id == "mini-thap-phan" {
                let row = if out == "comma" { "\n1.1,2,Điểm trực tiếp,Direct points,\"7,5\",\"7,5\"," } else { "\n1.1;2;Điểm trực tiếp;Direct points;7,5;7,5;" };
                assert!(text.contains(row), "{out}: {text}");
                assert!(text.contains("Dự đủ: 7,5"), "{out}: {text}");
            }
            let back = annex::from_csv(&path.display().to_string(), &bytes).unwrap_or_else(|e| panic!("{} ({out}): {}\n{text}", f.id, errors(&e)));
            assert_eq!(back, normalized(f.clone()), "{} after LibreOffice ({out})", f.id);
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The council's workbook (issue 14) opened by Calc: every group's sheet saved as CSV with
/// text cells quoted, so a total that Calc holds as a number comes out bare ("625.30").
#[cfg(feature = "council")]
#[test]
#[ignore = "needs LibreOffice; scripts/test.sh runs it"]
fn the_council_workbook_opened_by_libreoffice_has_the_totals_as_numbers() {
    use dti_engine::council::{self, Council};
    let dir = workdir("council");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/council");
    let mut c = Council::new(builtin::framework("laocai-2022").unwrap_or_else(|e| panic!("{e}")));
    let mut files: Vec<PathBuf> = std::fs::read_dir(&fixtures).unwrap_or_else(|e| panic!("{e}")).flatten().map(|e| e.path()).collect();
    files.sort();
    for f in &files {
        c.add_file(&f.display().to_string(), &std::fs::read(f).unwrap_or_else(|e| panic!("{e}")));
    }
    let tables = c.tables().unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(tables.iter().map(|t| t.rows.len()).sum::<usize>(), 49);
    let path = dir.join("in").join("hoi-dong.xlsx");
    std::fs::write(&path, council::write_xlsx(c.framework(), &tables, dti_engine::Lang::Vi).unwrap_or_else(|e| panic!("{e}")))
        .unwrap_or_else(|e| panic!("{e}"));
    // ',' '"' UTF-8; token 7 quotes every text cell; token 12 = -1 writes every sheet.
    soffice_in(&dir, "out", &["--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,,,-1"], &[path], "C.UTF-8");
    let mut outputs: Vec<PathBuf> = std::fs::read_dir(dir.join("out")).unwrap_or_else(|e| panic!("{e}")).flatten().map(|e| e.path()).collect();
    outputs.sort();
    assert_eq!(outputs.len(), 3, "{outputs:?}");
    for t in &tables {
        let name = c.framework().group_name(&t.group_id, dti_engine::Lang::Vi);
        let out = outputs
            .iter()
            .find(|p| p.file_name().is_some_and(|n| name.starts_with(n.to_string_lossy().trim_start_matches("hoi-dong-").trim_end_matches(".csv").trim_end())))
            .unwrap_or_else(|| panic!("no CSV for {name} in {outputs:?}"));
        let text = std::fs::read_to_string(out).unwrap_or_else(|e| panic!("{e}"));
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[1], "\"Xếp hạng\",\"Tên cơ quan\",\"Tổng điểm\",\"Mức xếp hạng\"");
        for (i, r) in t.rows.iter().enumerate() {
            let level = c.framework().level_name(&r.level_id, dti_engine::Lang::Vi);
            let want = format!("{},\"{}\",{},\"{level}\"", r.rank, r.name, dti_engine::number::format_machine(r.total));
            assert_eq!(lines[2 + i], want, "{name}");
        }
        assert_eq!(lines[2 + t.rows.len()], format!(",\"Điểm trung bình\",{},", dti_engine::number::format_machine(t.average)));
    }
    let _ = std::fs::remove_dir_all(&dir);
}
