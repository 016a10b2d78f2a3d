//! The command line: subcommands, their arguments and help texts (clap).

use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(name = "dti", version, about = "Xếp hạng mức độ chuyển đổi số (DTI) tỉnh Lào Cai / Lào Cai DTI ranking tools")]
pub(crate) struct Cli {
    /// Language of messages: vi (default) or en.
    #[arg(long, global = true, value_enum, default_value = "vi")]
    pub(crate) lang: LangArg,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// List the built-in indicator sets.
    Frameworks {
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Rank `group,name,total` rows into the appendix tables of the decision.
    Rank {
        /// CSV file, or - for standard input.
        file: String,
        #[command(flatten)]
        set: SetArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Check a published appendix (`group,rank,name,total,level,group_average`).
    Check {
        file: String,
        #[command(flatten)]
        set: SetArgs,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Rank many agencies' sheets (JSON) and totals files (CSV `group,name,total`) into the
    /// appendix tables; every file or agency not ranked is listed (exit 1 when any).
    Council {
        #[arg(required = true)]
        files: Vec<String>,
        /// Built-in set id; default: the set most sheets name, else the newest set with
        /// every group of the totals files.
        #[arg(long)]
        framework: Option<String>,
        /// Indicator-set JSON file (overrides --framework).
        #[arg(long)]
        framework_file: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Also write the tables as an .xlsx workbook (one sheet per group).
        #[arg(long)]
        xlsx: Option<String>,
    },
    /// Indicator sets as the annex table: import from Excel/CSV, export, check.
    Framework {
        #[command(subcommand)]
        action: FrameworkAction,
    },
    /// Score a saved score sheet (JSON exported by the app).
    Score {
        file: String,
        /// Indicator-set JSON to use instead of the built-in set the sheet names.
        #[arg(long)]
        framework_file: Option<String>,
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Indicator sets served beside the app (the `sets/` folder of a build).
    Sets {
        #[command(subcommand)]
        command: SetsCommand,
    },
}

#[derive(Subcommand)]
pub(crate) enum SetsCommand {
    /// Validate every set (`*.json`) and published results (`NAME.csv` beside `NAME.json`)
    /// in DIR and rewrite DIR/index.json, the catalogue the app reads; refreshes `.gz`
    /// copies when the folder has any. Nothing is written when a file is invalid.
    Index {
        dir: std::path::PathBuf,
        /// Write `.gz` copies (gzip -9) even if the folder has none yet.
        #[arg(long)]
        gzip: bool,
        /// Also write each set's groups as files of their own (DIR/groups/, what a first
        /// visit fetches); kept up to date whenever DIR/groups/ exists.
        #[arg(long)]
        groups: bool,
    },
}

#[derive(Subcommand)]
pub(crate) enum FrameworkAction {
    /// Read an annex (.xlsx or CSV in the documented layout) into a set JSON file; on any
    /// error nothing is written (exit 2).
    Import {
        file: String,
        /// The set JSON to write (- for standard output).
        #[arg(short, long)]
        output: String,
    },
    /// Write a set (built-in id, or a JSON/xlsx/CSV file) as an annex workbook or CSV; the
    /// export of a reference set is the template a department starts from.
    Export {
        set: String,
        #[arg(long, value_enum)]
        format: AnnexFormat,
        /// The file to write (- for standard output).
        #[arg(short, long)]
        output: String,
    },
    /// Validate a set file (JSON, xlsx or CSV): exit 0 valid, 1 invalid (every problem
    /// listed), 2 unreadable.
    Check { file: String },
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum AnnexFormat {
    Xlsx,
    Csv,
}

#[derive(clap::Args)]
pub(crate) struct SetArgs {
    /// Built-in indicator set id.
    #[arg(long, default_value = "laocai-2022")]
    pub(crate) framework: String,
    /// Indicator-set JSON file (overrides --framework).
    #[arg(long)]
    pub(crate) framework_file: Option<String>,
}

#[derive(Clone, Copy, ValueEnum, PartialEq, Eq)]
pub(crate) enum Format {
    Text,
    Csv,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum LangArg {
    Vi,
    En,
}
