//! The glossary: one Vietnamese term, one English translation, wherever it is shown
//! (screen, print, CSV, `dti`). The README's glossary table is checked against this list
//! by a test, so the documentation and the code cannot drift apart.

use crate::Lang;

/// A term of the decisions and its one English translation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Term {
    pub vi: &'static str,
    pub en: &'static str,
    /// Where the user meets it (for the README's glossary).
    pub where_used: &'static str,
}

impl Term {
    #[must_use]
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Vi => self.vi,
            Lang::En => self.en,
        }
    }
}

macro_rules! terms {
    ($($name:ident = $vi:literal, $en:literal, $where:literal;)*) => {
        $(pub const $name: Term = Term { vi: $vi, en: $en, where_used: $where };)*
        /// Every term, in the README's order.
        pub const ALL: &[Term] = &[$($name),*];
    };
}

terms! {
    TOOL = "Công cụ tính điểm", "Scoring tool", "page title, loading message";
    INDICATOR_SET = "Bộ chỉ số", "Indicator set", "set picker, print, `dti`";
    INDICATOR = "Chỉ số", "Indicator", "sheet, print, CSV, messages";
    CODE = "Mã", "Code", "print, CSV";
    MAX_POINTS = "Điểm tối đa", "Maximum points", "sheet, print, CSV";
    SELF_ASSESSMENT = "Tự đánh giá", "Self-assessment", "sheet, print, CSV";
    APPRAISAL = "Thẩm định", "Appraisal", "council inputs, print, CSV";
    DIFFERENCE = "Chênh lệch", "Difference", "council inputs, print, CSV (self-assessment − appraisal)";
    EVIDENCE_REQUIRED = "Tài liệu kiểm chứng", "Supporting documents", "each indicator, set viewer";
    EVIDENCE = "Minh chứng", "Evidence", "evidence box, print, CSV";
    STATUS = "Trạng thái", "Status", "evidence box, CSV";
    TOTAL = "Tổng điểm", "Total score", "summary, drafts, print, CSV, `dti`";
    LEVEL = "Mức xếp hạng", "Level", "summary, drafts, print, `dti`";
    RANK = "Xếp hạng", "Rank", "rank estimate, `dti rank`";
    GROUP = "Nhóm", "Group", "set picker, drafts";
    AGENCY = "Cơ quan, đơn vị, địa phương", "Agency or locality", "set picker, drafts, print";
    AVERAGE = "Điểm trung bình", "Average score", "rank estimate, `dti rank`";
    TIER = "Bậc", "Tier", "tiered indicators";
    NUMERATOR = "Tử số (a)", "Numerator (a)", "ratio indicators";
    DENOMINATOR = "Mẫu số (b)", "Denominator (b)", "ratio indicators";
    LAST_UPDATED = "Cập nhật lần cuối", "Last updated", "drafts";
    SHEET = "Phiếu", "Sheet", "drafts, files";
    UNANSWERED = "Chưa trả lời", "Unanswered", "summary";
}
