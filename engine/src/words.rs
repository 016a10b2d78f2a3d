//! Small counts in words ("sáu", "ba mươi"), for text cells a spreadsheet must not read
//! as a number or a date. Indicator counts stay far below a thousand; larger ones fall back
//! to digits.

use crate::error::Lang;

const VI: [&str; 10] = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
const EN: [&str; 20] = [
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
    "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
];
const EN_TENS: [&str; 10] = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// 0..=99 in Vietnamese: "mười lăm", "hai mươi mốt", "ba mươi".
fn vi_below_100(n: usize) -> String {
    let (tens, unit) = (n / 10, n % 10);
    match (tens, unit) {
        (0, u) => VI[u].to_owned(),
        (1, 0) => "mười".to_owned(),
        (1, 5) => "mười lăm".to_owned(),
        (1, u) => format!("mười {}", VI[u]),
        (t, 0) => format!("{} mươi", VI[t]),
        (t, 1) => format!("{} mươi mốt", VI[t]),
        (t, 5) => format!("{} mươi lăm", VI[t]),
        (t, u) => format!("{} mươi {}", VI[t], VI[u]),
    }
}

fn en_below_100(n: usize) -> String {
    match n {
        0..=19 => EN[n].to_owned(),
        _ if n % 10 == 0 => EN_TENS[n / 10].to_owned(),
        _ => format!("{}-{}", EN_TENS[n / 10], EN[n % 10]),
    }
}

/// A count in words: 6 → "sáu" / "six", 105 → "một trăm linh năm" / "one hundred five".
#[must_use]
pub fn count_words(n: usize, lang: Lang) -> String {
    if n >= 1000 {
        return n.to_string();
    }
    let (hundreds, rest) = (n / 100, n % 100);
    match lang {
        Lang::Vi => match (hundreds, rest) {
            (0, r) => vi_below_100(r),
            (h, 0) => format!("{} trăm", VI[h]),
            (h, r) if r < 10 => format!("{} trăm linh {}", VI[h], VI[r]),
            (h, r) => format!("{} trăm {}", VI[h], vi_below_100(r)),
        },
        Lang::En => match (hundreds, rest) {
            (0, r) => en_below_100(r),
            (h, 0) => format!("{} hundred", EN[h]),
            (h, r) => format!("{} hundred {}", EN[h], en_below_100(r)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_as_written() {
        let vi = |n| count_words(n, Lang::Vi);
        assert_eq!(vi(0), "không");
        assert_eq!(vi(6), "sáu");
        assert_eq!(vi(10), "mười");
        assert_eq!(vi(15), "mười lăm");
        assert_eq!(vi(21), "hai mươi mốt");
        assert_eq!(vi(30), "ba mươi");
        assert_eq!(vi(35), "ba mươi lăm");
        assert_eq!(vi(105), "một trăm linh năm");
        assert_eq!(vi(110), "một trăm mười");
        let en = |n| count_words(n, Lang::En);
        assert_eq!(en(6), "six");
        assert_eq!(en(30), "thirty");
        assert_eq!(en(47), "forty-seven");
        assert_eq!(en(109), "one hundred nine");
        assert_eq!(count_words(1200, Lang::Vi), "1200");
    }
}
