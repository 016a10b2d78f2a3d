//! Keys under which damaged texts are kept apart.

/// First key for a damaged copy; later ones are `dti.workspace.damaged.2`, `.3`, …
pub const DAMAGED_KEY: &str = "dti.workspace.damaged";
/// Prefix of the keys of loaded indicator sets (`dti.set.<id>`).
pub const SET_PREFIX: &str = "dti.set.";
/// Most damaged copies kept apart.
pub const DAMAGED_SLOTS: u32 = 99;

/// Where to keep a damaged text: the key that already holds the same text, or the first
/// free one. `None` when every slot holds another copy.
pub fn damaged_slot(raw: &str, get: impl Fn(&str) -> Option<String>) -> Option<(String, bool)> {
    let mut free = None;
    for key in damaged_keys() {
        match get(&key) {
            Some(existing) if existing == raw => return Some((key, true)),
            Some(_) => {}
            None => {
                if free.is_none() {
                    free = Some(key);
                }
            }
        }
    }
    free.map(|k| (k, false))
}

/// Every key a damaged copy may be stored under, in order.
pub fn damaged_keys() -> impl Iterator<Item = String> {
    std::iter::once(DAMAGED_KEY.to_owned()).chain((2..=DAMAGED_SLOTS).map(|n| format!("{DAMAGED_KEY}.{n}")))
}

/// Whether `key` names a damaged copy.
#[must_use]
pub fn is_damaged_key(key: &str) -> bool {
    key == DAMAGED_KEY
        || key.strip_prefix(DAMAGED_KEY).and_then(|r| r.strip_prefix('.')).and_then(|n| n.parse::<u32>().ok()).is_some_and(|n| (2..=DAMAGED_SLOTS).contains(&n))
}
