//! The table as read from or written to a spreadsheet: cells, rows, sheets.

use rust_decimal::Decimal;

use crate::number::parse_vn;

/// One cell as read from a spreadsheet: numbers stay numbers when the file says so.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(Decimal),
}

impl Cell {
    pub(super) fn text(&self) -> String {
        match self {
            Cell::Empty => String::new(),
            Cell::Text(t) => t.trim().replace("\r\n", "\n"),
            Cell::Number(n) => n.normalize().to_string(),
        }
    }

    pub(super) fn is_empty(&self) -> bool {
        match self {
            Cell::Empty => true,
            Cell::Text(t) => t.trim().is_empty(),
            Cell::Number(_) => false,
        }
    }
}

/// A row and its number in the spreadsheet (1-based; CSV: the line it starts on).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub cells: Vec<Cell>,
}

impl Row {
    pub(super) fn cell(&self, i: usize) -> &Cell {
        self.cells.get(i).unwrap_or(&Cell::Empty)
    }

    pub(super) fn is_empty(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Row>,
}

/// A number cell: as the file stores it, or typed text read the Vietnamese way.
pub(super) fn number(cell: &Cell) -> Result<Decimal, (String, String)> {
    match cell {
        Cell::Number(n) => Ok(*n),
        Cell::Empty => Err(("chưa có số".into(), "no number".into())),
        Cell::Text(t) => parse_vn(t).map_err(|e| (e.message(crate::Lang::Vi), e.message(crate::Lang::En))),
    }
}
