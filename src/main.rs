//! The `schemata` binary: parses the command line, then runs a subcommand or opens the GUI.

// Import and the editor allocate many small strings; mimalloc handles that faster than the
// system allocator, especially with several threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    schemata::cli::main()
}
