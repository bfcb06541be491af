//! The `schemata` binary: parses the command line, then runs a subcommand or opens the GUI.

fn main() -> std::process::ExitCode {
    schemata::cli::main()
}
