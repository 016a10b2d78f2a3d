//! Import order does not change the tables or the problems.

use dti_engine::council::Council;
use proptest::prelude::*;

use crate::{gen, seed_files, set, sheet_json, tables, PlainWithSource};

/// Tables without entry ids (which follow import order by design).
fn comparable(c: &Council) -> PlainWithSource {
    tables(c)
        .into_iter()
        .map(|t| (t.group_id, t.rows.into_iter().map(|r| (r.rank, r.name, r.total, r.level_id, r.basis.id(), r.source)).collect(), t.average))
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]
    #[test]
    fn import_order_does_not_change_the_tables(seed in any::<u64>(), ties in 0usize..4) {
        let fw = set("laocai-2022");
        let mut files = seed_files();
        // Equal totals, a duplicate and a refused file make order matter, if anything does.
        for i in 0..ties {
            files.push((format!("tie-{i}.json"), sheet_json(&fw, "huyen", &format!("Huyện Mới {i}"), "585.45")));
        }
        files.push(("lap.csv".into(), "group,name,total\nco_tthc,sở y tế,100\n".as_bytes().to_vec()));
        files.push(("hong.json".into(), b"{".to_vec()));
        let mut straight = Council::new(fw.clone());
        for (n, b) in &files {
            straight.add_file(n, b);
        }
        let mut rng = gen::Lcg(seed);
        for i in (1..files.len()).rev() {
            let j = rng.below(i as u64 + 1) as usize;
            files.swap(i, j);
        }
        let mut shuffled = Council::new(fw);
        for (n, b) in &files {
            shuffled.add_file(n, b);
        }
        prop_assert_eq!(comparable(&straight), comparable(&shuffled));
        let mut a: Vec<&str> = straight.problems().iter().map(|p| p.kind_id()).collect();
        let mut b: Vec<&str> = shuffled.problems().iter().map(|p| p.kind_id()).collect();
        a.sort_unstable();
        b.sort_unstable();
        prop_assert_eq!(a, b);
    }
}
