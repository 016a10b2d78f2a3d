//! One component per file; each reads state, calls the engine, renders.

pub mod drafts;
pub mod error_summary;
pub mod evidence;
pub mod header;
pub mod indicator_row;
pub mod indicator_tree;
pub mod main_bars;
pub mod method_controls;
pub mod number_field;
pub mod print_report;
pub mod quick_check;
pub mod reference_banner;
pub mod set_loader;
pub mod set_picker;
pub mod set_status;
pub mod set_viewer;
pub mod sheet_files;
pub mod sheet_table;
pub mod storage_notice;
pub mod summary;
pub mod summary_bar;
pub mod view_switch;
pub mod year_compare;
