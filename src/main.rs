fn main() -> std::process::ExitCode {
    flaglint::cli::main_with_args(std::env::args_os()).into()
}
