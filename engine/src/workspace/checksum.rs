//! The checksum the head keeps of each draft's stored text.

/// Checksum of a draft's stored text (64-bit FNV-1a, hex): not a guard against tampering,
/// only what makes the head differ when a draft's text does.
#[must_use]
pub fn sum(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}
