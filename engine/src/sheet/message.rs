//! Why an answer earns nothing, or is worth a second look: messages naming the indicator.

use rust_decimal::Decimal;

use crate::error::{Lang, NumberError};
use crate::number::format_compact;

/// Why an answer earns nothing. Each message names the indicator and what was typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerError {
    Number { code: String, field: Field, source: NumberError },
    AboveMax { code: String, max: Decimal, value: Decimal },
    Negative { code: String, field: Field, value: Decimal },
    UnknownChoice { code: String, id: String },
    MissingPart { code: String, field: Field },
    WrongKind { code: String, expected: &'static str },
    NotScored { code: String },
    /// A ratio's a and b count documents, people, dossiers: whole numbers.
    NotWhole { code: String, field: Field, value: Decimal },
    /// A percentage (a tiers value whose unit is %) above 100.
    PercentAbove100 { code: String, value: Decimal },
}

/// Which input of an indicator a message is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Value,
    Numerator,
    Denominator,
}

impl Field {
    fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Value, Lang::Vi) => "giá trị",
            (Field::Numerator, Lang::Vi) => "tử số (a)",
            (Field::Denominator, Lang::Vi) => "mẫu số (b)",
            (Field::Value, Lang::En) => "value",
            (Field::Numerator, Lang::En) => "numerator (a)",
            (Field::Denominator, Lang::En) => "denominator (b)",
        }
    }
}

impl AnswerError {
    #[must_use]
    pub fn code(&self) -> &str {
        match self {
            AnswerError::Number { code, .. }
            | AnswerError::AboveMax { code, .. }
            | AnswerError::Negative { code, .. }
            | AnswerError::UnknownChoice { code, .. }
            | AnswerError::MissingPart { code, .. }
            | AnswerError::WrongKind { code, .. }
            | AnswerError::NotWhole { code, .. }
            | AnswerError::PercentAbove100 { code, .. }
            | AnswerError::NotScored { code } => code,
        }
    }

    /// The field the message belongs to, so the app can tie it to that input.
    #[must_use]
    pub fn field(&self) -> Field {
        match self {
            AnswerError::Number { field, .. }
            | AnswerError::Negative { field, .. }
            | AnswerError::MissingPart { field, .. }
            | AnswerError::NotWhole { field, .. } => *field,
            _ => Field::Value,
        }
    }

    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        let vi = lang == Lang::Vi;
        match self {
            AnswerError::Number { code, field, source } => {
                if vi {
                    format!("Chỉ số {code}, {}: {}", field.name(lang), source.message(lang))
                } else {
                    format!("Indicator {code}, {}: {}", field.name(lang), source.message(lang))
                }
            }
            AnswerError::AboveMax { code, max, value } => {
                let (max, value) = (format_compact(*max), format_compact(*value));
                if vi {
                    format!("Điểm tối đa của chỉ số {code} là {max}; bạn nhập {value}")
                } else {
                    format!("The maximum of indicator {code} is {max}; you entered {value}")
                }
            }
            AnswerError::Negative { code, field, value } => {
                let value = format_compact(*value);
                if vi {
                    format!("Chỉ số {code}, {}: không được âm; bạn nhập {value}", field.name(lang))
                } else {
                    format!("Indicator {code}, {}: cannot be negative; you entered {value}", field.name(lang))
                }
            }
            AnswerError::UnknownChoice { code, id } => {
                if vi {
                    format!("Chỉ số {code}: không có lựa chọn “{}”", crate::text::clip(id))
                } else {
                    format!("Indicator {code}: there is no option “{}”", crate::text::clip(id))
                }
            }
            AnswerError::MissingPart { code, field } => {
                if vi {
                    format!("Chỉ số {code}: cần nhập cả {}", field.name(lang))
                } else {
                    format!("Indicator {code}: the {} is missing", field.name(lang))
                }
            }
            AnswerError::WrongKind { code, expected } => {
                let method = crate::framework::method_name(expected, lang);
                if vi {
                    format!("Chỉ số {code}: câu trả lời không khớp cách tính của chỉ số ({method})")
                } else {
                    format!("Indicator {code}: the answer does not match how the indicator is scored ({method})")
                }
            }
            AnswerError::NotWhole { code, field, value } => {
                let value = format_compact(*value);
                if vi {
                    format!("Chỉ số {code}, {}: là số đếm nên phải là số nguyên; bạn nhập {value}", field.name(lang))
                } else {
                    format!("Indicator {code}, {}: a count must be a whole number; you entered {value}", field.name(lang))
                }
            }
            AnswerError::PercentAbove100 { code, value } => {
                let value = format_compact(*value);
                if vi {
                    format!("Chỉ số {code}: tỷ lệ phần trăm không quá 100; bạn nhập {value}")
                } else {
                    format!("Indicator {code}: a percentage cannot exceed 100; you entered {value}")
                }
            }
            AnswerError::NotScored { code } => {
                if vi {
                    format!("Chỉ số {code} chỉ ghi nhận thông tin, không tính điểm")
                } else {
                    format!("Indicator {code} is recorded for information and not scored")
                }
            }
        }
    }
}

/// Something worth a second look that does not change the score (the rule's result stands).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerWarning {
    /// a > b: a share above 100 % earns the maximum, but is usually a typing slip.
    NumeratorAboveDenominator { code: String },
}

impl AnswerWarning {
    /// The field the warning belongs to.
    #[must_use]
    pub fn field(&self) -> Field {
        match self {
            AnswerWarning::NumeratorAboveDenominator { .. } => Field::Numerator,
        }
    }

    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (AnswerWarning::NumeratorAboveDenominator { code }, Lang::Vi) => format!(
                "Chỉ số {code}: tử số (a) lớn hơn mẫu số (b), tỷ lệ trên 100 %. Theo cách tính, chỉ số vẫn được điểm tối đa; hãy kiểm tra lại hai số đã nhập."
            ),
            (AnswerWarning::NumeratorAboveDenominator { code }, Lang::En) => format!(
                "Indicator {code}: the numerator (a) is larger than the denominator (b), a share above 100 %. By the rule it still earns the maximum; please check both numbers."
            ),
        }
    }
}
