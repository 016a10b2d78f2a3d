//! Document dates as Vietnamese paperwork writes them: dd/mm/yyyy ("15/03/2022"; one-digit
//! day or month accepted, "15/3/2022"). The text is kept as typed; this only says whether
//! it is a real date, and why not.

use crate::error::Lang;

/// A calendar date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Date {
    pub day: u32,
    pub month: u32,
    pub year: i32,
}

impl Date {
    /// "15/03/2022".
    #[must_use]
    pub fn to_vn(self) -> String {
        format!("{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }

    /// "2022-03-15", the value of an HTML date input.
    #[must_use]
    pub fn to_iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// Reads an HTML date input's value ("2022-03-15").
    #[must_use]
    pub fn from_iso(text: &str) -> Option<Date> {
        let mut it = text.trim().splitn(3, '-');
        let (y, m, d) = (it.next()?.parse().ok()?, it.next()?.parse().ok()?, it.next()?.parse().ok()?);
        ((1..=12).contains(&m) && d >= 1 && d <= days_in(m, y)).then_some(Date { day: d, month: m, year: y })
    }
}

/// Why a typed date is not one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateError {
    /// Not dd/mm/yyyy at all (e.g. "2022-13-45", "15.3.22").
    Shape(String),
    /// dd/mm/yyyy, but no such day ("31/02/2022", "15/13/2022").
    NoSuchDay(String),
}

impl DateError {
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (DateError::Shape(t), Lang::Vi) => format!("Ngày văn bản cần ghi theo dạng ngày/tháng/năm, ví dụ 15/03/2022; bạn nhập “{t}”"),
            (DateError::Shape(t), Lang::En) => format!("Write the document date as day/month/year, e.g. 15/03/2022; you entered “{t}”"),
            (DateError::NoSuchDay(t), Lang::Vi) => format!("Không có ngày “{t}” trong lịch; kiểm tra lại ngày và tháng"),
            (DateError::NoSuchDay(t), Lang::En) => format!("There is no date “{t}” in the calendar; check the day and month"),
        }
    }
}

fn days_in(month: u32, year: i32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Parses dd/mm/yyyy; an empty text is no date and no error (`Ok(None)`).
pub fn parse_date(text: &str) -> Result<Option<Date>, DateError> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let shape = || DateError::Shape(t.to_owned());
    let parts: Vec<&str> = t.split('/').collect();
    let &[d, m, y] = parts.as_slice() else { return Err(shape()) };
    let digits = |s: &str, min: usize, max: usize| (min..=max).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit());
    if !(digits(d, 1, 2) && digits(m, 1, 2) && digits(y, 4, 4)) {
        return Err(shape());
    }
    let (day, month, year): (u32, u32, i32) = (d.parse().map_err(|_| shape())?, m.parse().map_err(|_| shape())?, y.parse().map_err(|_| shape())?);
    if !(1..=12).contains(&month) || day == 0 || day > days_in(month, year) {
        return Err(DateError::NoSuchDay(t.to_owned()));
    }
    Ok(Some(Date { day, month, year }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        assert_eq!(parse_date("15/3/2022"), Ok(Some(Date { day: 15, month: 3, year: 2022 })));
        assert_eq!(parse_date(" 07/11/2022 ").map(|d| d.map(Date::to_vn)), Ok(Some("07/11/2022".into())));
        assert_eq!(parse_date(""), Ok(None));
        assert_eq!(parse_date("29/02/2024").map(|d| d.is_some()), Ok(true));
        assert_eq!(parse_date("29/02/2023"), Err(DateError::NoSuchDay("29/02/2023".into())));
        assert_eq!(parse_date("31/04/2022"), Err(DateError::NoSuchDay("31/04/2022".into())));
        assert_eq!(parse_date("15/13/2022"), Err(DateError::NoSuchDay("15/13/2022".into())));
        let e = parse_date("2022-13-45").unwrap_err();
        assert_eq!(e, DateError::Shape("2022-13-45".into()));
        assert_eq!(e.message(Lang::Vi), "Ngày văn bản cần ghi theo dạng ngày/tháng/năm, ví dụ 15/03/2022; bạn nhập “2022-13-45”");
        assert!(parse_date("15/3/22").is_err());
        assert!(parse_date("a/b/cdef").is_err());
        assert_eq!(Date::from_iso("2022-03-15").map(Date::to_vn), Some("15/03/2022".into()));
        assert_eq!(Date::from_iso("2022-13-45"), None);
        assert_eq!(Date { day: 5, month: 1, year: 2023 }.to_iso(), "2023-01-05");
    }
}
