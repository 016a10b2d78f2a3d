//! The checker beside the recomputation, and appendices pasted from Word or Calc.

use dti_engine::check::{check, parse_published};
use dti_engine::council;
use dti_engine::{Decimal, Framework, Lang};

use crate::common::{self, d};
use crate::{seed_council, set, tables};

#[test]
fn the_checker_beside_the_recomputation_shows_the_two_differences() {
    let fw = set("laocai-2022");
    let rows = parse_published(&fw, "laocai-2022.csv", common::SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let cmp = council::checker::compare(&fw, &rows).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(cmp.findings.iter().map(|f| f.kind()).collect::<Vec<_>>(), ["level", "average"]);
    let g = &cmp.groups[0];
    let du_lich = &g.rows[17];
    assert_eq!((du_lich.name.as_str(), du_lich.printed_level.as_str(), du_lich.level_id.as_str(), du_lich.findings.as_slice()), ("Sở Du lịch", "Hình thành", "khoi_dong", &[0][..]));
    assert!(g.rows[..17].iter().all(|r| r.findings.is_empty() && r.rank == r.printed_rank));
    let k = &cmp.groups[1];
    assert_eq!((k.printed_average, k.average, k.findings.as_slice()), (d("328.20"), d("328.21"), &[1][..]));
    assert!(cmp.groups[2].findings.is_empty() && cmp.groups[0].findings.is_empty());
}

/// The 2022 appendix as it comes out of Word (cells split by tabs, decimal commas): a title
/// per group, the heading, the rows as printed, the printed average.
fn printed_2022(fw: &Framework) -> String {
    let rows = parse_published(fw, "laocai-2022.csv", common::SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let mut out = String::from("PHỤ LỤC\nKết quả xếp hạng mức độ chuyển đổi số năm 2022\n\n");
    let mut n = 0;
    for g in &fw.groups {
        let members: Vec<_> = rows.iter().filter(|r| r.group == g.id).collect();
        if members.is_empty() {
            continue;
        }
        n += 1;
        out.push_str(&format!("{n}. {} (tối đa {} điểm)\n", g.name_vi, dti_engine::number::format_compact(g.max_points)));
        out.push_str("Xếp hạng\tTên cơ quan\tTổng điểm\tMức xếp hạng\n");
        for r in &members {
            out.push_str(&format!("{}\t{}\t{}\t{}\n", r.rank, r.name, dti_engine::number::format_points(r.total), r.level));
        }
        out.push_str(&format!("\tĐiểm trung bình\t{}\t\n\n", dti_engine::number::format_points(members[0].group_average)));
    }
    out
}

#[test]
fn a_pasted_printed_appendix_is_checked_like_the_csv() {
    let fw = set("laocai-2022");
    let from_csv = parse_published(&fw, "laocai-2022.csv", common::SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    let text = printed_2022(&fw);
    let pasted = council::checker::parse_appendix(&fw, "dan.txt", text.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    let strip = |rows: &[dti_engine::check::PublishedRow]| -> Vec<(String, usize, String, Decimal, String, Decimal)> {
        rows.iter().map(|r| (r.group.clone(), r.rank, r.name.clone(), r.total, r.level.clone(), r.group_average)).collect()
    };
    assert_eq!(strip(&pasted), strip(&from_csv));
    assert_eq!(pasted[0].line, 6, "lines are the text's");
    let cmp = council::checker::compare(&fw, &pasted).unwrap_or_else(|e| panic!("{e}"));
    let msgs: Vec<String> = cmp.findings.iter().map(|f| f.message(&fw, Lang::Vi)).collect();
    assert_eq!(msgs.len(), 2);
    assert!(msgs[0].starts_with("dòng 23, cột level, Sở Du lịch: 235,40 điểm = 23,54 % → mức “Khởi động”"), "{}", msgs[0]);
    assert!(msgs[1].contains("in là 328,20") && msgs[1].contains("→ 328,21"), "{}", msgs[1]);
    // The CSV form goes through the same door.
    let csv = council::checker::parse_appendix(&fw, "a.csv", common::SEED_CSV).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(csv, from_csv);
    // The council's own outputs read back: its text and its workbook saved as CSV by Calc.
    let c = seed_council();
    let own = council::text_tables(c.framework(), &tables(&c), Lang::Vi);
    let tsv: String = own
        .lines()
        .map(|l| if l.starts_with(|c: char| c.is_ascii_digit()) && l.contains(". ") { l.to_owned() } else { l.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect::<Vec<_>>().join("\t") })
        .map(|l| if l.starts_with("Điểm trung bình") { format!("\t{}\t", l) } else { l })
        .collect::<Vec<_>>()
        .join("\n");
    let back = council::checker::parse_appendix(&fw, "own.txt", tsv.as_bytes()).unwrap_or_else(|e| panic!("{e}\n{tsv}"));
    assert_eq!(back.len(), 49);
    assert_eq!(check(&fw, &back).unwrap_or_else(|e| panic!("{e}")), []);
    let calc = "\"1. Nhóm các huyện, thị xã, thành phố (tối đa 1.000 điểm)\",,,\n\"Xếp hạng\",\"Tên cơ quan\",\"Tổng điểm\",\"Mức xếp hạng\"\n1,\"Thành phố Lào Cai\",651.93,\"Nâng cao\"\n2,\"Huyện Bắc Hà\",585.45,\"Nâng cao\"\n,\"Điểm trung bình\",618.69,\n";
    let rows = council::checker::parse_appendix(&fw, "calc.csv", calc.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(rows.iter().map(|r| (r.group.as_str(), r.total, r.group_average)).collect::<Vec<_>>(), [("huyen", d("651.93"), d("618.69")), ("huyen", d("585.45"), d("618.69"))]);
}

#[test]
fn a_pasted_appendix_that_cannot_be_read_says_where() {
    let fw = set("laocai-2022");
    let err = |text: &str| council::checker::parse_appendix(&fw, "dan.txt", text.as_bytes()).err().map(|e| e.message(Lang::Vi)).unwrap_or_default();
    let head = "3. Nhóm các huyện, thị xã, thành phố\nXếp hạng\tTên cơ quan\tTổng điểm\tMức xếp hạng\n";
    assert_eq!(err(&format!("{head}1\tHuyện A\t500\tNâng cao\n")), "dan.txt, dòng 3: nhóm huyen không có dòng “Điểm trung bình” trước dòng này");
    assert!(err(&format!("{head}1\tHuyện A\t5OO\tNâng cao\n")).starts_with("dan.txt, dòng 3, cột Tổng điểm: “5OO”"));
    assert!(err(&format!("{head}1\tHuyện A\t500\tNâng cao\nGhi chú: tạm tính\n")).contains("dòng 4: không hiểu dòng này"));
    assert!(err("Xếp hạng\tTên cơ quan\tTổng điểm\tMức xếp hạng\n1\tHuyện A\t500\tNâng cao\n").contains("dòng 2: dòng xếp hạng trước tên nhóm"));
    assert!(err(&format!("{head}1\t\t500\tNâng cao\n")).contains("dòng 3: cột name: thiếu tên cơ quan"));
    assert!(err(&format!("{head}1\tHuyện A\t-5\tNâng cao\n")).contains("tổng điểm -5 âm"));
    assert_eq!(err("  \n"), "dan.txt: tệp rỗng");
}
