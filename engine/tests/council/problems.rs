//! Problems: every file or agency not ranked is listed with its reason; nothing is merged.

use dti_engine::council::{self, Council};
use dti_engine::sheet::{Answer, ScoreSheet};
use dti_engine::{Decimal, Lang};

use crate::common::d;
use crate::{gen, messages, seed_council, set, sheet_json, tables};

fn kinds(c: &Council) -> Vec<&'static str> {
    c.problems().iter().map(|p| p.kind_id()).collect()
}

#[test]
fn two_copies_of_one_agency_are_listed_and_neither_is_ranked_until_one_is_removed() {
    let fw = set("laocai-2022");
    let mut c = seed_council();
    // "SỞ TÀI CHÍNH" in capitals and with spaces: the same agency by the engine's fold.
    let second = c.add_file("tai-chinh-ban-2.json", &sheet_json(&fw, "co_tthc", "  SỞ TÀI  CHÍNH ", "590"));
    // And a totals row naming an agency of the sheets, with the old tone-mark placement.
    let csv = c.add_file("tong.csv", "group,name,total\nkhong_tthc,Ban Tuyên giáo Tỉnh u\u{1ef7},400\n".as_bytes());
    assert_eq!(kinds(&c), ["duplicate", "duplicate"]);
    let msgs = messages(&c, Lang::Vi);
    assert!(msgs[0].starts_with("02-so-tai-chinh.json: Sở Tài chính: 2 bản cho cùng một cơ quan"), "{}", msgs[0]);
    assert!(msgs[0].contains("“SỞ TÀI  CHÍNH” (tai-chinh-ban-2.json)") && msgs[0].contains("không bản nào được xếp hạng"), "{}", msgs[0]);
    assert!(msgs[1].contains("(tong.csv, dòng 2)"), "{}", msgs[1]);
    let en = messages(&c, Lang::En);
    assert!(en[0].contains("2 copies for one agency") && en[0].contains("none is ranked"), "{}", en[0]);
    let t = tables(&c);
    let names: Vec<&str> = t.iter().flat_map(|t| &t.rows).map(|r| r.name.as_str()).collect();
    assert_eq!(names.len(), 47);
    assert!(!names.iter().any(|n| dti_engine::text::name_key(n) == "so tai chinh"));
    // The second co_tthc row moves up: nothing is merged.
    assert_eq!((t[0].rows[1].rank, t[0].rows[1].name.as_str()), (2, "Sở Thông tin và Truyền thông"));
    assert!(c.remove_file(second) && c.remove_file(csv));
    assert!(c.problems().is_empty());
    assert_eq!(tables(&c)[0].rows[1].name, "Sở Tài chính");
    assert!(!c.remove_file(second));
}

#[test]
fn sheets_of_another_set_version_or_group_are_not_ranked_and_say_why() {
    let fw22 = set("laocai-2022");
    let fw23 = set("laocai-2023");
    let mut c = Council::new(fw22.clone());
    c.add_file("a.json", &sheet_json(&fw22, "huyen", "Huyện Bắc Hà", "585.45"));
    c.add_file("b.json", &sheet_json(&fw23, "huyen", "Huyện Bát Xát", "500"));
    let mut odd = gen::sheet_for_total(&fw22, "huyen", "Huyện Si Ma Cai", d("525.62"), gen::Appraise::None, 1).unwrap_or_else(|| panic!("s"));
    odd.group = "phuong".into();
    c.add_file("c.json", odd.to_json().as_bytes());
    let mut versioned = gen::sheet_for_total(&fw22, "huyen", "Huyện Văn Bàn", d("449.13"), gen::Appraise::None, 1).unwrap_or_else(|| panic!("s"));
    versioned.framework_digest = Some("0123456789abcdef".into());
    c.add_file("d.json", versioned.to_json().as_bytes());
    let mut nameless = gen::sheet_for_total(&fw22, "huyen", "", d("1"), gen::Appraise::None, 1).unwrap_or_else(|| panic!("s"));
    nameless.agency = " ".into();
    c.add_file("e.json", nameless.to_json().as_bytes());
    assert_eq!(kinds(&c), ["other_set", "unknown_group", "no_name"]);
    c.set_digest(Some("fedcba9876543210".into()));
    assert_eq!(kinds(&c), ["other_set", "unknown_group", "other_version", "no_name"]);
    let vi = messages(&c, Lang::Vi);
    assert_eq!(vi[0], "b.json: phiếu theo bộ chỉ số laocai-2023, không phải bộ laocai-2022 của hội đồng; không xếp hạng (chọn bộ laocai-2023 để xếp hạng phiếu này)");
    assert!(vi[1].starts_with("c.json: Huyện Si Ma Cai: nhóm “phuong” không có trong bộ chỉ số laocai-2022 (có: co_tthc, khong_tthc, huyen, co_quan_huyen, xa)"), "{}", vi[1]);
    assert!(vi[2].contains("phiên bản khác") && vi[2].contains("0123456789abcdef"), "{}", vi[2]);
    assert_eq!(vi[3], "e.json: thiếu tên cơ quan; không xếp hạng");
    let en = messages(&c, Lang::En);
    assert!(en[0].contains("not the council's set laocai-2022"), "{}", en[0]);
    assert_eq!(tables(&c).iter().map(|t| t.rows.len()).sum::<usize>(), 1);
    // Under the 2023 set, the 2022 sheet is the one of another set; ids are kept.
    c.set_digest(None);
    c.set_framework(fw23);
    // (The set is checked first: the 2022 sheets with a bad group or no name are of another set.)
    assert_eq!(kinds(&c), ["other_set", "other_set", "other_set", "other_set"]);
    assert_eq!(tables(&c)[0].rows[0].name, "Huyện Bát Xát");
    assert_eq!(c.files().len(), 5);
}

#[test]
fn unreadable_unrecognised_and_oversized_files_are_listed_with_their_reason() {
    let fw = set("laocai-2022");
    let mut c = Council::new(fw.clone());
    c.add_file("hong.json", b"{\"schema\": 1, \"framework\": \"laocai-2022\",\n \"group\": ");
    c.add_file("cp1258.csv", b"group,name,total\nhuyen,S\xF5 Y t\xEA\xEC,5\n");
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain("group,name,total".encode_utf16().flat_map(u16::to_le_bytes)).collect();
    c.add_file("unicode.csv", &utf16);
    c.add_file("rong.csv", b"  \n");
    c.add_file("bang.xlsx", b"PK\x03\x04\x14\x00\x00\x00");
    c.add_file("bo-chi-so.json", include_bytes!("../../../data/frameworks/laocai-2023.json"));
    c.add_file("khac.json", b"{\"name\": \"x\"}");
    c.add_file("ghi-chu.txt", "Danh sách cơ quan\nSở Y tế\n".as_bytes());
    let mut big = sheet_json(&fw, "huyen", "Huyện Bảo Yên", "553.40");
    big.resize(dti_engine::text::MAX_INPUT_BYTES + 1, b' ');
    c.add_file("lon.json", &big);
    c.add_too_large("rat-lon.csv", 52_428_800);
    c.add_file("tong.csv", "group,name,total\nhuyen,Huyện Bảo Yên,553.4\nhuyen,Huyện Bảo Thắng,abc\nhuyen,,12\nhuyen,Thành phố Lào Cai,\"1000,01\"\nxa,Xã Cốc San,-1\nphuong,Phường Kim Tân,500\n".as_bytes());
    assert_eq!(
        kinds(&c),
        [
            "unreadable", "unreadable", "unreadable", "unreadable", "unrecognised", "unrecognised", "unrecognised", "unrecognised",
            "too_large", "too_large", "unreadable", "no_name", "out_of_range", "out_of_range", "unknown_group"
        ]
    );
    let vi = messages(&c, Lang::Vi);
    let has = |i: usize, s: &str| assert!(vi[i].contains(s), "{i}: {}", vi[i]);
    has(0, "hong.json");
    has(0, "không xếp hạng");
    has(1, "không phải văn bản UTF-8");
    has(2, "UTF-16");
    has(3, "tệp rỗng");
    has(4, "bang.xlsx: tệp Excel (.xlsx); hãy lưu bảng tổng điểm dạng CSV");
    has(5, "đây là tệp bộ chỉ số");
    has(6, "không phải phiếu do công cụ tính điểm xuất");
    has(7, "dòng đầu là “Danh sách cơ quan”");
    has(8, "lon.json: tệp 10.485.761 byte, vượt giới hạn 10.485.760 byte (10 MB); không đọc tệp này");
    has(9, "rat-lon.csv: tệp 52.428.800 byte");
    has(10, "tong.csv, dòng 3, cột total");
    has(11, "tong.csv, dòng 4: thiếu tên cơ quan");
    has(12, "tong.csv, dòng 5: Thành phố Lào Cai: tổng điểm 1.000,01 nằm ngoài 0..1.000 của nhóm; không xếp hạng");
    has(13, "Xã Cốc San: tổng điểm -1");
    has(14, "tong.csv, dòng 7: Phường Kim Tân: nhóm “phuong” không có");
    let en = messages(&c, Lang::En);
    assert!(en[8].contains("over the 10,485,760 byte (10 MB) limit; it was not read"), "{}", en[8]);
    assert!(en[4].contains("an Excel workbook"), "{}", en[4]);
    assert!(c.problems().iter().all(|p| !p.ranked()));
    // What could be read is ranked; nothing else.
    let t = tables(&c);
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].rows.iter().map(|r| (r.name.as_str(), r.total)).collect::<Vec<_>>(), [("Huyện Bảo Yên", d("553.4"))]);
    assert_eq!(c.files().iter().map(|f| f.kind.map(council::FileKind::id)).collect::<Vec<_>>()[10], Some("totals"));
}

#[test]
fn invalid_answers_are_said_and_earn_nothing_but_the_sheet_is_ranked() {
    let fw = set("laocai-2022");
    let mut sheet: ScoreSheet = gen::sheet_for_total(&fw, "huyen", "Huyện Mường Khương", d("525.79"), gen::Appraise::None, 4).unwrap_or_else(|| panic!("s"));
    let points_code = sheet.entries.iter().find(|(_, e)| matches!(e.self_answer, Some(Answer::Points { .. }))).map(|(k, _)| k.clone()).unwrap_or_default();
    let before = match &sheet.entries[&points_code].self_answer {
        Some(Answer::Points { text }) => dti_engine::number::parse_vn(text).unwrap_or_default(),
        _ => Decimal::ZERO,
    };
    sheet.entries.get_mut(&points_code).unwrap_or_else(|| panic!("e")).self_answer = Some(Answer::Points { text: "abc".into() });
    let mut c = Council::new(fw);
    c.add_file("m.json", sheet.to_json().as_bytes());
    let p = c.problems();
    assert_eq!((p.len(), p[0].kind_id(), p[0].ranked()), (1, "invalid_answers", true));
    let msg = p[0].message(Lang::Vi);
    assert!(msg.starts_with("m.json: Huyện Mường Khương: 1 câu trả lời không hợp lệ, không được tính điểm") && msg.contains(&points_code), "{msg}");
    assert_eq!(tables(&c)[0].rows[0].total, d("525.79") - before);
}
