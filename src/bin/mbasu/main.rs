//! The `mbasu` command-line tool: validate, encrypt, build requests, read responses, check
//! providers and convert applicant files, with Chinese output by default.

#[macro_use]
mod output;
mod batch;
mod commands;
mod input;

use std::process::ExitCode;

use clap::{Args, CommandFactory, FromArgMatches, Parser, Subcommand, ValueEnum};

use output::Printer;

#[derive(Parser)]
#[command(
    name = "mbasu",
    version,
    about = "手机号核验接口（MBASU001/MBASU010/MBASU004）的校验、加密与报文工具 / validation, encryption and envelopes for the mobile verification interfaces"
)]
struct Cli {
    /// Language of human-readable output: zh (default) or en.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Zh)]
    lang: LangArg,

    /// Print machine-readable JSON instead of text.
    #[arg(long, global = true)]
    json: bool,

    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Zh,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Validate mobile, certNo and name; exit status 1 when any is invalid.
    Validate(commands::ValidateArgs),
    /// Upgrade a 15-digit first-generation ID number to 18 characters.
    Upgrade(commands::UpgradeArgs),
    /// Encrypt or hash one value.
    Encrypt(commands::EncryptArgs),
    /// Decrypt one 3DES value.
    Decrypt(commands::DecryptArgs),
    /// Build a request body for an interface.
    Request(commands::RequestArgs),
    /// Read a response body from standard input and interpret it.
    Response(commands::ResponseArgs),
    /// Check a provider's response from standard input against the spec.
    Check(commands::CheckArgs),
    /// Parse and validate a request body from standard input, as a provider receives it.
    ParseRequest(commands::ParseRequestArgs),
    /// Convert a CSV or JSON Lines file of applicants into JSON Lines of requests.
    Batch(batch::BatchArgs),
}

/// Keys and credentials shared by several commands.
#[derive(Args, Clone, Default)]
pub struct KeyArgs {
    /// 3DES key for field encryption as 48 hex digits (24 bytes).
    #[arg(
        long,
        env = "MBASU_KEY_HEX",
        hide_env_values = true,
        conflicts_with = "key_base64"
    )]
    pub key_hex: Option<String>,

    /// 3DES key for field encryption as Base64 (24 bytes decoded).
    #[arg(long, env = "MBASU_KEY_BASE64", hide_env_values = true)]
    pub key_base64: Option<String>,

    /// Treat a 16-byte key as the double-length form K1K2, expanded to K1K2K1.
    #[arg(long)]
    pub two_key: bool,

    /// 3DES block mode.
    #[arg(long, value_enum, default_value_t = ModeArg::Ecb)]
    pub mode: ModeArg,

    /// CBC initialisation vector as 16 hex digits (8 bytes); required with --mode cbc.
    #[arg(long)]
    pub iv_hex: Option<String>,

    /// Text encoding of 3DES ciphertext.
    #[arg(long, value_enum, default_value_t = OutputArg::Base64)]
    pub output: OutputArg,
}

#[derive(Clone, Copy, Default, ValueEnum)]
pub enum ModeArg {
    #[default]
    Ecb,
    Cbc,
}

#[derive(Clone, Copy, Default, ValueEnum)]
pub enum OutputArg {
    #[default]
    Base64,
    Hex,
}

fn main() -> ExitCode {
    // The matches are kept beside the parsed arguments, because they tell an option on the
    // command line from one taken from the environment.
    let matches = match Cli::command().try_get_matches() {
        Ok(matches) => matches,
        Err(error) => exit_on_usage_error(&error),
    };
    let cli = match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => exit_on_usage_error(&error),
    };
    let lang = match cli.lang {
        LangArg::Zh => mbasu::Lang::Zh,
        LangArg::En => mbasu::Lang::En,
    };
    let printer = Printer::new(lang, cli.json);

    let result = match &cli.command {
        Command::Validate(args) => commands::validate(args, &printer),
        Command::Upgrade(args) => commands::upgrade(args, &printer),
        Command::Encrypt(args) => {
            let command_line = matches.subcommand_matches("encrypt").unwrap_or(&matches);
            commands::encrypt(args, command_line, &printer)
        }
        Command::Decrypt(args) => commands::decrypt(args, &printer),
        Command::Request(args) => commands::request(args, &printer),
        Command::Response(args) => commands::response(args, &printer),
        Command::Check(args) => commands::check(args, &printer),
        Command::ParseRequest(args) => commands::parse_request(args, &printer),
        Command::Batch(args) => batch::run(args, &printer),
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            printer.error(&error);
            ExitCode::from(2)
        }
    }
}

/// Prints a command-line error and exits with status 2, in the language `--lang` selects.
/// With `--json` anywhere in the arguments the error is the documented JSON object on standard
/// output, in both languages.
fn exit_on_usage_error(error: &clap::Error) -> ! {
    use clap::error::ErrorKind;

    let is_help = matches!(
        error.kind(),
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion
    );
    if is_help {
        error.exit();
    }
    let (detail_zh, detail_en) = usage_problem(error);
    let failure = mbasu::Error::new(
        mbasu::ErrorCode::InvalidArgument,
        format!("命令行参数无效：{detail_zh}。请查看 mbasu --help"),
        format!("invalid command line: {detail_en}; see mbasu --help"),
    );

    let arguments: Vec<String> = std::env::args().collect();
    if arguments.iter().any(|argument| argument == "--json") {
        Printer::new(mbasu::Lang::Zh, true).error(&failure);
        std::process::exit(2);
    }
    // clap's own rendering is English, with the usage line and suggestions, so it stays the
    // English output.
    let english = arguments
        .windows(2)
        .any(|pair| pair[0] == "--lang" && pair[1] == "en")
        || arguments.iter().any(|argument| argument == "--lang=en");
    if english {
        error.exit();
    }
    Printer::new(mbasu::Lang::Zh, false).error(&failure);
    std::process::exit(2);
}

/// Words a clap parse error in Chinese and in English, naming the argument and value at fault.
fn usage_problem(error: &clap::Error) -> (String, String) {
    use clap::error::{ContextKind, ErrorKind};

    let context = |kind: ContextKind| error.get(kind).map(ToString::to_string).unwrap_or_default();
    let argument = context(ContextKind::InvalidArg);
    match error.kind() {
        ErrorKind::UnknownArgument => (
            format!("不认识的参数 {argument}"),
            format!("unexpected argument {argument}"),
        ),
        ErrorKind::InvalidSubcommand => {
            let command = context(ContextKind::InvalidSubcommand);
            (
                format!("不认识的子命令 {command}"),
                format!("unrecognized subcommand {command}"),
            )
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => (
            "缺少子命令".to_owned(),
            "a subcommand is required".to_owned(),
        ),
        ErrorKind::MissingRequiredArgument => (
            format!("缺少必需的参数 {argument}"),
            format!("the required argument {argument} is missing"),
        ),
        ErrorKind::InvalidValue | ErrorKind::ValueValidation => {
            let value = context(ContextKind::InvalidValue);
            let valid = context(ContextKind::ValidValue);
            let (choices_zh, choices_en) = if valid.is_empty() {
                (String::new(), String::new())
            } else {
                (
                    format!("，可选值：{valid}"),
                    format!(", expected one of {valid}"),
                )
            };
            (
                format!("{argument} 的值 '{value}' 无效{choices_zh}"),
                format!("invalid value '{value}' for {argument}{choices_en}"),
            )
        }
        ErrorKind::ArgumentConflict => {
            let prior = context(ContextKind::PriorArg);
            (
                format!("{argument} 不能与 {prior} 同时使用"),
                format!("{argument} cannot be used with {prior}"),
            )
        }
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues | ErrorKind::TooFewValues => (
            format!("{argument} 的值的个数不对"),
            format!("wrong number of values for {argument}"),
        ),
        ErrorKind::InvalidUtf8 => (
            "参数不是有效的 UTF-8".to_owned(),
            "an argument is not valid UTF-8".to_owned(),
        ),
        _ => {
            // Kinds this tool does not produce; clap's English text is the best detail left.
            let rendered = error.render().to_string();
            let detail = rendered.lines().next().unwrap_or("").to_owned();
            (detail.clone(), detail)
        }
    }
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::Cli;

    #[test]
    fn command_definition_is_consistent() {
        Cli::command().debug_assert();
    }
}
