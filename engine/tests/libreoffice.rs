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
    let soffice = std::env::var("SOFFICE_PATH").unwrap_or_else(|_| "soffice".into());
    let status = Command::new(&soffice)
        .args(["--headless", "--norestore", "--nolockcheck"])
        .arg(format!("-env:UserInstallation=file://{}", dir.join("profile").display()))
        .args(args)
        .arg("--outdir")
        .arg(dir.join(out))
        .args(inputs)
        .env("HOME", dir)
        .env("LANG", "vi_VN.UTF-8")
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
