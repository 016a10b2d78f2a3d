//! The council page's parts, one concern per file.

pub mod checker;
pub mod entries;
pub mod header;
pub mod import;
pub mod outputs;
pub mod print_view;
pub mod problems;
pub mod set_choice;
pub mod sheet_view;
pub mod storage_notice;
pub mod tables;
