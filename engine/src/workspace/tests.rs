//! Tests of the stored format, its migration and the merge of tabs.

use super::*;
use std::collections::BTreeMap;

use crate::sheet::{Answer, Entry};

fn answered(ws: &mut Workspace, code: &str, text: &str) {
    let d = ws.current_draft_mut();
    d.sheet.entries.insert(code.into(), Entry { self_answer: Some(Answer::Points { text: text.into() }), ..Entry::default() });
}

/// A change in one tab, as that tab writes it (revision moved past what it saw).
fn edit(ws: &mut Workspace, seen: &Seen, code: &str, text: &str) {
    answered(ws, code, text);
    ws.mark_changed(seen);
}

fn text_of(ws: &Workspace, id: u32, code: &str) -> Option<String> {
    let d = ws.drafts.iter().find(|d| d.id == id)?;
    match &d.sheet.entries.get(code)?.self_answer {
        Some(Answer::Points { text }) => Some(text.clone()),
        _ => None,
    }
}

/// Two tabs that both loaded `stored`.
fn two_tabs() -> (Workspace, Workspace, Seen) {
    let mut ws = Workspace::new("laocai-2022", "co_tthc");
    ws.new_draft("laocai-2022", "huyen", "Huyện Bát Xát");
    let synced = ws.seen();
    (ws.clone(), ws, synced)
}

#[test]
fn the_comparison_opens_with_the_agencys_newest_draft_of_another_year() {
    let year = |id: &str| id.strip_prefix("laocai-").and_then(|y| y.parse().ok());
    let mut ws = Workspace::new("laocai-2022", "khong_tthc");
    ws.current_draft_mut().sheet.agency = "Sở Tư pháp".into();
    ws.current_draft_mut().updated = "2026-01-01T00:00:00Z".into();
    // Another agency, another group, and the same set do not count.
    ws.new_draft("laocai-2021", "khong_tthc", "Sở Nội vụ");
    ws.new_draft("laocai-2021", "co_tthc", "Sở Tư pháp");
    ws.new_draft("laocai-2023", "khong_tthc", "Sở Tư pháp (bản sao)");
    assert_eq!(ws.year_pair(year), None);
    let older = ws.new_draft("laocai-2021", "khong_tthc", "SỞ TƯ PHÁP");
    ws.current_draft_mut().updated = "2026-02-01T00:00:00Z".into();
    let newer = ws.new_draft("laocai-2023", "khong_tthc", "Sở  tư pháp");
    ws.current_draft_mut().updated = "2026-03-01T00:00:00Z".into();
    ws.open_draft(0);
    // The newest of the agency's other drafts (2023), the earlier year first.
    assert_eq!(ws.year_pair(year), Some((0, newer)));
    ws.drafts.retain(|d| d.id != newer);
    assert_eq!(ws.year_pair(year), Some((older, 0)));
}

/// Every key of `ws` as this build stores it: the head, and each draft's text.
fn split(ws: &Workspace) -> BTreeMap<String, String> {
    let texts: Vec<String> = ws.drafts.iter().map(draft_json).collect();
    let listed: Vec<Listed> = ws.drafts.iter().zip(&texts).map(|(d, t)| Listed { id: d.id, rev: d.rev, sum: sum(t) }).collect();
    let mut store: BTreeMap<String, String> = ws.drafts.iter().zip(texts).map(|(d, t)| (draft_key(d.id), t)).collect();
    store.insert(KEY.into(), head_json(&listed));
    store
}

fn read(store: &BTreeMap<String, String>) -> Read {
    load(&store[KEY], |k| store.get(k).cloned())
}

mod props {
    use super::*;
    use proptest::prelude::*;

    fn sheet() -> impl Strategy<Value = ScoreSheet> {
        let entries = proptest::collection::btree_map(prop::sample::select(vec!["1.1", "1.5", "2.3", "10.2"]), "[0-9]{1,3}(,[0-9]{1,2})?|\\PC{0,6}", 0..4);
        (prop::sample::select(vec!["laocai-2022", "laocai-2023"]), "\\PC{0,12}", entries).prop_map(|(framework, agency, entries)| {
            let mut s = ScoreSheet::new(framework, "co_tthc");
            s.agency = agency;
            for (code, text) in entries {
                s.entries.insert(code.into(), Entry { self_answer: Some(Answer::Points { text }), ..Entry::default() });
            }
            s
        })
    }

    fn workspace() -> impl Strategy<Value = Workspace> {
        proptest::collection::vec((1..5u64, sheet(), "[0-9:TZ-]{0,20}", proptest::option::of(0..4u32)), 1..6).prop_map(|drafts| Workspace {
            version: VERSION,
            drafts: drafts.into_iter().enumerate().map(|(i, (rev, sheet, updated, conflict_of))| Draft { id: i as u32 * 3, rev, sheet, updated, conflict_of }).collect(),
            current: 0,
        })
    }

    /// One tab's changes to `base`: (draft index, 0 edit / 1 delete / 2 add, text).
    fn changed(base: &Workspace, seen: &Seen, ops: &[(usize, u8, String)]) -> Workspace {
        let mut w = base.clone();
        for (i, op, text) in ops {
            match (op, w.drafts.len()) {
                (2, _) | (_, 0) => {
                    let id = w.new_draft("laocai-2022", "co_tthc", text);
                    w.open_draft(id);
                    answered(&mut w, "1.5", text);
                }
                (0, n) => {
                    w.current = w.drafts[i % n].id;
                    answered(&mut w, "2.3", text);
                }
                (_, n) => {
                    let id = w.drafts[i % n].id;
                    w.remove(id);
                }
            }
        }
        w.mark_changed(seen);
        w
    }

    fn ops() -> impl Strategy<Value = Vec<(usize, u8, String)>> {
        proptest::collection::vec((0..8usize, 0..3u8, "[a-z0-9]{1,4}"), 0..5)
    }

    proptest! {
        #[test]
        fn what_is_written_per_key_reads_back_the_same(ws in workspace()) {
            let Read { stored: Stored::Current { workspace, .. }, whole: false, damaged } = read(&split(&ws)) else { panic!() };
            prop_assert!(damaged.is_empty());
            prop_assert_eq!(workspace.drafts, ws.drafts);
        }

        #[test]
        fn a_merge_keeps_every_change_of_either_tab(base in workspace(), a in ops(), b in ops()) {
            let seen = base.seen();
            let (local, stored) = (changed(&base, &seen, &a), changed(&base, &seen, &b));
            let merged = merge(&local, &seen, &stored).workspace;
            let kept = |d: &Draft| merged.drafts.iter().any(|m| m.sheet == d.sheet);
            for d in local.drafts.iter().chain(&stored.drafts) {
                if seen.get(&d.id).is_none_or(|s| s.sheet != d.sheet) {
                    prop_assert!(kept(d), "lost {:?}", d);
                }
            }
            // Ids stay unique, and nothing changed merges to itself.
            let ids: std::collections::BTreeSet<u32> = merged.drafts.iter().map(|d| d.id).collect();
            prop_assert_eq!(ids.len(), merged.drafts.len());
            let same = merge(&base, &seen, &base);
            prop_assert!(same.conflicts.is_empty());
            prop_assert_eq!(same.workspace.drafts, base.drafts.clone());
        }
    }
}

#[test]
fn drafts_stored_under_their_own_keys_read_back() {
    let (mut ws, _, _) = two_tabs();
    ws.open_draft(0);
    answered(&mut ws, "1.5", "12,5");
    ws.drafts[1].conflict_of = Some(0);
    let store = split(&ws);
    assert_eq!(store.keys().collect::<Vec<_>>(), vec!["dti.draft.0", "dti.draft.1", KEY]);
    assert!(store[KEY].starts_with("{\"version\":3,\"drafts\":[{\"id\":0,"), "{}", store[KEY]);
    let Read { stored: Stored::Current { workspace, legacy: None }, whole: false, damaged } = read(&store) else { panic!("{:?}", read(&store)) };
    assert!(damaged.is_empty());
    assert_eq!(workspace.drafts, ws.drafts);
    // The head changes whenever a draft's text does, even at the same revision.
    let mut other = ws.clone();
    answered(&mut other, "1.5", "7");
    assert_eq!(other.drafts[0].rev, ws.drafts[0].rev);
    assert_ne!(split(&other)[KEY], store[KEY]);
}

#[test]
fn an_older_builds_single_value_is_read_for_migration() {
    let (ws, _, _) = two_tabs();
    let old = ws.to_json();
    assert!(old.starts_with("{\"version\":2,"));
    let r = load(&old, |_| panic!("an older value names no other key"));
    let Read { stored: Stored::Current { workspace, legacy: None }, whole: true, .. } = r else { panic!("{r:?}") };
    assert_eq!(workspace.drafts, ws.drafts);
}

#[test]
fn a_damaged_draft_key_is_set_apart_and_the_others_load() {
    let (ws, _, _) = two_tabs();
    let mut store = split(&ws);
    store.insert(draft_key(1), "{\"id\":1,\"sheet\":".into());
    let r = read(&store);
    let Stored::Current { workspace, .. } = &r.stored else { panic!("{r:?}") };
    assert_eq!(workspace.drafts.iter().map(|d| d.id).collect::<Vec<_>>(), vec![0]);
    assert_eq!(r.damaged.len(), 1);
    assert_eq!((r.damaged[0].0.as_str(), r.damaged[0].1.as_str()), ("dti.draft.1", "{\"id\":1,\"sheet\":"));
    // Another draft's text under this key, or an unknown sheet schema, does not read either.
    store.insert(draft_key(1), store[&draft_key(0)].clone());
    assert_eq!(read(&store).damaged[0].2, "draft 0 under the key of draft 1");
    store.insert(draft_key(1), r#"{"id":1,"sheet":{"schema":9,"framework":"f","group":"g"}}"#.into());
    assert_eq!(read(&store).damaged[0].2, "sheet schema 9");
    // A key the head does not list is not a draft (written by a save cut short).
    let mut store = split(&ws);
    store.insert(draft_key(7), store[&draft_key(0)].replace("\"id\":0", "\"id\":7"));
    let Stored::Current { workspace, .. } = read(&store).stored else { panic!() };
    assert_eq!(workspace.drafts.len(), 2);
}

#[test]
fn heads_that_do_not_read_are_damaged_and_newer_ones_marked() {
    for raw in ["{\"version\":3}", "{\"version\":3,\"drafts\":[{\"id\":1}]}", "{\"version\":3,\"drafts\":[{\"id\":1,\"rev\":1,\"sum\":\"a\"},{\"id\":1,\"rev\":2,\"sum\":\"b\"}]}", "[3]"] {
        assert!(matches!(read_head(raw), Head::Whole(Stored::Damaged { .. })), "{raw}");
    }
    // The first id listed again is named, wherever its first listing was.
    let listed = |ids: &[u32]| {
        let drafts: Vec<String> = ids.iter().map(|id| format!(r#"{{"id":{id},"rev":1,"sum":"a"}}"#)).collect();
        read_head(&format!(r#"{{"version":3,"drafts":[{}]}}"#, drafts.join(",")))
    };
    assert_eq!(listed(&[3, 1, 2, 1, 3]), Head::Whole(Stored::Damaged { reason: "draft 1 listed twice".into() }));
    assert_eq!(listed(&[5, 2, 9, 5, 2]), Head::Whole(Stored::Damaged { reason: "draft 5 listed twice".into() }));
    assert!(matches!(listed(&[4, 0, 7, 2]), Head::Split(l) if l.iter().map(|l| l.id).collect::<Vec<_>>() == [4, 0, 7, 2]));
    assert!(matches!(read_head(r#"{"version":4,"drafts":[{"id":1,"rev":1,"sum":"a"}]}"#), Head::Whole(Stored::Newer { version: 4, .. })));
    assert_eq!(read_head(r#"{"version":3,"drafts":[]}"#), Head::Split(Vec::new()));
    assert_eq!(draft_id("dti.draft.12"), Some(12));
    for key in ["dti.draft.012", "dti.draft.+1", "dti.draft.", "dti.drafts.1", KEY] {
        assert_eq!(draft_id(key), None, "{key}");
    }
}

#[test]
fn marking_only_the_drafts_named() {
    let (mut ws, _, seen) = two_tabs();
    ws.open_draft(0);
    answered(&mut ws, "1.5", "12,5");
    // Marking only the drafts named: the other changed draft keeps its revision.
    let mut a = ws.clone();
    a.drafts[1].sheet.agency = "Sở Y tế".into();
    a.mark_changed_where(&seen, |id| id == 0);
    assert_eq!((a.drafts[0].rev, a.drafts[1].rev), (seen[&0].rev + 1, seen[&1].rev));
    a.mark_changed(&seen);
    assert_eq!(a.drafts[1].rev, seen[&1].rev + 1);
}

#[test]
fn a_change_to_another_draft_is_taken_in_and_the_open_draft_stays() {
    let (mut a, mut b, synced) = two_tabs();
    a.open_draft(0);
    b.open_draft(1);
    edit(&mut b, &synced, "1.1", "5");
    edit(&mut a, &synced, "1.5", "12,5");
    // B saved first; A takes it in before saving.
    let merged = merge(&a, &synced, &b);
    assert!(merged.conflicts.is_empty());
    assert_eq!(merged.workspace.current, 0, "the open draft is this tab's");
    assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("12,5"));
    assert_eq!(text_of(&merged.workspace, 1, "1.1").as_deref(), Some("5"));
    // B then takes A's save in: the same two drafts, B still on draft 1.
    let back = merge(&b, &b.seen(), &merged.workspace);
    assert!(back.conflicts.is_empty());
    assert_eq!(back.workspace.current, 1);
    assert_eq!(back.workspace.drafts, merged.workspace.drafts);
}

#[test]
fn the_same_draft_changed_in_two_tabs_is_kept_twice() {
    let (mut a, mut b, synced) = two_tabs();
    a.open_draft(0);
    b.open_draft(0);
    edit(&mut a, &synced, "1.5", "12,5");
    edit(&mut b, &synced, "1.5", "7");
    let merged = merge(&a, &synced, &b);
    assert_eq!(merged.conflicts.len(), 1);
    let (kept, copy) = merged.conflicts[0];
    assert_eq!(kept, 0);
    assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("7"), "the stored version keeps its id");
    assert_eq!(text_of(&merged.workspace, copy, "1.5").as_deref(), Some("12,5"), "this tab's version is a copy");
    assert_eq!(merged.workspace.current, copy, "this tab keeps its own version open");
    assert_eq!(merged.workspace.drafts.iter().find(|d| d.id == copy).and_then(|d| d.conflict_of), Some(0));
    // B takes A's save: no new conflict, B keeps its version open, both listed.
    let back = merge(&b, &b.seen(), &merged.workspace);
    assert!(back.conflicts.is_empty());
    assert_eq!(back.workspace.current, 0);
    assert_eq!(back.workspace.drafts.len(), 3);
    assert_eq!(back.workspace.conflicts().count(), 1);
}

#[test]
fn the_same_change_in_two_tabs_is_no_conflict() {
    let (mut a, mut b, synced) = two_tabs();
    edit(&mut a, &synced, "1.5", "3");
    edit(&mut b, &synced, "1.5", "3");
    assert!(merge(&a, &synced, &b).conflicts.is_empty());
}

#[test]
fn an_unchanged_draft_takes_the_other_tabs_version() {
    let (a, mut b, synced) = two_tabs();
    b.open_draft(0);
    edit(&mut b, &synced, "1.5", "9");
    let merged = merge(&a, &synced, &b);
    assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("9"));
    assert!(merged.conflicts.is_empty());
}

#[test]
fn deletions_hold_unless_the_other_side_changed_the_draft() {
    let (mut a, mut b, synced) = two_tabs();
    a.remove(1);
    // B did not touch draft 1: A's deletion stands when B merges A's save.
    let merged = merge(&b, &synced, &a);
    assert!(merged.workspace.drafts.iter().all(|d| d.id != 1));
    // B changed draft 1 after A deleted it: B's work is kept.
    b.open_draft(1);
    edit(&mut b, &synced, "1.1", "4");
    let merged = merge(&b, &synced, &a);
    assert_eq!(text_of(&merged.workspace, 1, "1.1").as_deref(), Some("4"));
    // And A, merging B's save, keeps it too.
    let merged = merge(&a, &synced, &b);
    assert_eq!(text_of(&merged.workspace, 1, "1.1").as_deref(), Some("4"));
}

#[test]
fn drafts_new_in_either_tab_are_both_kept() {
    let (mut a, mut b, synced) = two_tabs();
    let na = a.new_draft("laocai-2023", "co_tthc", "Sở A");
    let nb = b.new_draft("laocai-2023", "co_tthc", "Sở B");
    // Both picked the same free id: the two sheets differ, so both are kept.
    assert_eq!(na, nb);
    let merged = merge(&a, &synced, &b);
    let agencies: Vec<_> = merged.workspace.drafts.iter().map(|d| d.sheet.agency.as_str()).collect();
    assert!(agencies.contains(&"Sở A") && agencies.contains(&"Sở B"), "{agencies:?}");
    assert!(merged.conflicts.is_empty(), "two new drafts are not one draft edited twice");
    assert_eq!(merged.workspace.current(), a.drafts.last().map(|d| &d.sheet), "this tab keeps its new draft open");
}

#[test]
fn version_1_is_migrated_and_its_other_fields_handed_out() {
    let v1 = r#"{"version":1,"lang":"en","current":3,"next_id":4,"drafts":[{"id":3,"sheet":{"schema":1,"framework":"laocai-2022","group":"co_tthc","agency":"Sở Y tế","entries":{}},"updated":"2024-01-01T00:00:00Z"}],"custom_sets":[{"file":"a.json","json":"{}"}]}"#;
    let Stored::Current { workspace, legacy: Some(legacy) } = parse(v1) else { panic!("{:?}", parse(v1)) };
    assert_eq!(workspace.drafts.len(), 1);
    assert_eq!(workspace.drafts[0].sheet.agency, "Sở Y tế");
    assert_eq!(legacy.lang, Some(Lang::En));
    assert_eq!(legacy.current, Some(3));
    assert_eq!(legacy.custom_sets, vec![CustomSet { file: "a.json".into(), json: "{}".into() }]);
    let text = workspace.to_json();
    assert!(text.starts_with("{\"version\":2,"), "{text}");
    assert!(!text.contains("current") && !text.contains("lang") && !text.contains("custom_sets"), "{text}");
    let Stored::Current { workspace: again, legacy: None } = parse(&text) else { panic!("{text}") };
    assert_eq!(again.drafts, workspace.drafts, "the open draft is not part of the stored value");
}

#[test]
fn a_newer_version_is_read_where_possible_and_marked() {
    let v3 = r#"{"version":3,"shiny":true,"drafts":[{"id":1,"rev":2,"sheet":{"schema":1,"framework":"f","group":"g","agency":"X"},"extra":1},{"id":2,"sheet":{"schema":9,"framework":"f","group":"g"}}]}"#;
    let Stored::Newer { version: 3, workspace: Some(ws) } = parse(v3) else { panic!("{:?}", parse(v3)) };
    assert_eq!(ws.drafts.iter().map(|d| d.id).collect::<Vec<_>>(), vec![1]);
}

#[test]
fn text_that_is_not_a_workspace_is_damaged() {
    for raw in ["not json", "{\"drafts\": []}", "{\"version\":0,\"drafts\":[]}", "{\"version\":2,\"drafts\":[{\"id\":1}]}", "{\"version\":1,\"drafts\":[{\"id\":0,\"sheet\":{\"schema\":1,\"framework\":\"laocai-2022\""] {
        assert!(matches!(parse(raw), Stored::Damaged { .. }), "{raw}");
    }
    let sheet9 = r#"{"version":2,"drafts":[{"id":0,"sheet":{"schema":9,"framework":"f","group":"g"}}]}"#;
    assert_eq!(parse(sheet9), Stored::Damaged { reason: "sheet schema 9".into() });
}

#[test]
fn damaged_copies_never_overwrite_one_another() {
    let mut store: BTreeMap<String, String> = BTreeMap::new();
    fn get(s: &BTreeMap<String, String>) -> impl Fn(&str) -> Option<String> + '_ {
        move |k: &str| s.get(k).cloned()
    }
    assert_eq!(damaged_slot("a", get(&store)), Some((DAMAGED_KEY.to_owned(), false)));
    store.insert(DAMAGED_KEY.into(), "a".into());
    assert_eq!(damaged_slot("a", get(&store)), Some((DAMAGED_KEY.to_owned(), true)), "the same text is not kept twice");
    assert_eq!(damaged_slot("b", get(&store)), Some((format!("{DAMAGED_KEY}.2"), false)));
    for k in damaged_keys() {
        store.insert(k, "x".into());
    }
    assert_eq!(damaged_slot("c", get(&store)), None, "full: the caller must not overwrite anything");
    assert!(is_damaged_key("dti.workspace.damaged.2") && is_damaged_key(DAMAGED_KEY));
    assert!(!is_damaged_key("dti.workspace") && !is_damaged_key("dti.workspace.damaged.x") && !is_damaged_key("dti.workspace.damaged.1"));
}

#[test]
fn the_tab_opens_its_own_draft_or_the_latest() {
    let mut ws = Workspace::new("f", "g");
    ws.new_draft("f", "g", "B");
    ws.drafts[0].updated = "2025-01-02".into();
    ws.drafts[1].updated = "2025-01-01".into();
    ws.open_or_latest(Some(1));
    assert_eq!(ws.current, 1);
    ws.open_or_latest(Some(7));
    assert_eq!(ws.current, 0, "a missing id falls back to the latest change");
}

#[test]
fn switching_groups_never_reinterprets_answers() {
    let mut ws = Workspace::new("laocai-2022", "co_tthc");
    ws.current_draft_mut().sheet.agency = "Sở Tài chính".into();
    answered(&mut ws, "1.5", "12");
    let first = ws.current;
    ws.select("laocai-2022", "huyen");
    assert_ne!(ws.current, first, "a draft with answers is kept; another is opened");
    assert_eq!(ws.current().map(|s| s.group.as_str()), Some("huyen"));
    assert_eq!(ws.current().map(|s| s.agency.as_str()), Some("Sở Tài chính"));
    // Straight back: the answered draft again, and no empty draft left behind.
    ws.select("laocai-2022", "co_tthc");
    assert_eq!(ws.current, first);
    assert_eq!(ws.drafts.len(), 1);
    // An empty draft just changes group.
    let mut fresh = Workspace::new("laocai-2022", "co_tthc");
    fresh.select("laocai-2023", "khong_tthc");
    assert_eq!(fresh.drafts.len(), 1);
    assert_eq!(fresh.current().map(|s| (s.framework.as_str(), s.group.as_str())), Some(("laocai-2023", "khong_tthc")));
}

#[test]
fn delete_then_undo_restores_the_draft_in_place() {
    let mut ws = Workspace::new("laocai-2022", "co_tthc");
    answered(&mut ws, "1.5", "12");
    let a = ws.current;
    let b = ws.duplicate(a, " (bản sao)", String::new()).unwrap_or_else(|| panic!("duplicate"));
    assert_eq!(ws.drafts.len(), 2);
    let removed = ws.remove(a).unwrap_or_else(|| panic!("remove"));
    assert_eq!(ws.drafts.len(), 1);
    assert_eq!(ws.current, b);
    ws.restore(removed.0, removed.1);
    assert_eq!(ws.drafts.iter().map(|d| d.id).collect::<Vec<_>>(), vec![a, b]);
    assert_eq!(ws.current, a);
}

#[test]
fn a_group_change_without_answers_counts_as_a_change() {
    let (mut a, b, seen) = two_tabs();
    a.open_draft(0);
    a.select("laocai-2023", "khong_tthc");
    let merged = merge(&a, &seen, &b);
    assert_eq!(merged.workspace.drafts.iter().find(|d| d.id == 0).map(|d| d.sheet.group.as_str()), Some("khong_tthc"));
}

#[test]
fn a_save_overwritten_at_the_same_moment_is_kept_as_a_copy() {
    let (mut a, mut b, seen) = two_tabs();
    a.open_draft(0);
    b.open_draft(0);
    edit(&mut a, &seen, "1.5", "12,5");
    edit(&mut b, &seen, "1.5", "7");
    // Both wrote from the same revision; B's write landed last. A, unchanged since its
    // own write, must not silently take B's version over its own.
    let a_seen = a.seen();
    let merged = merge(&a, &a_seen, &b);
    assert_eq!(merged.conflicts.len(), 1);
    let (_, copy) = merged.conflicts[0];
    assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("7"));
    assert_eq!(text_of(&merged.workspace, copy, "1.5").as_deref(), Some("12,5"));
    // B, reading A's merged save, settles without another copy.
    let settled = merge(&b, &b.seen(), &merged.workspace);
    assert!(settled.conflicts.is_empty());
    assert_eq!(settled.workspace.drafts, merged.workspace.drafts);
}

#[test]
fn a_fresh_tabs_empty_draft_gives_way_to_the_stored_one() {
    // Two tabs opened on empty storage both start draft 0; A types and saves first.
    let b = Workspace::new("laocai-2022", "co_tthc");
    let mut a = b.clone();
    answered(&mut a, "1.5", "12,5");
    let merged = merge(&b, &Seen::new(), &a);
    assert_eq!(merged.workspace.drafts.len(), 1, "no empty copy left behind");
    assert_eq!(merged.workspace.current, 0);
    assert_eq!(text_of(&merged.workspace, 0, "1.5").as_deref(), Some("12,5"));
    // But a draft typed into before it was ever saved is kept beside the stored one.
    let mut c = Workspace::new("laocai-2022", "co_tthc");
    answered(&mut c, "1.1", "3");
    let merged = merge(&c, &Seen::new(), &a);
    assert_eq!(merged.workspace.drafts.len(), 2);
    assert!(merged.workspace.current().and_then(|s| s.entries.get("1.1")).is_some());
}
