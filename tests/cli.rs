//! End-to-end tests as data: each `tests/cmd/NAME.toml` runs the real binary
//! (arguments, working directory, exit code) and compares its output with
//! `NAME.stdout` and `NAME.stderr`. The fixtures live under testdata/.
//! `TRYCMD=overwrite cargo test --test cli` rewrites the expected output.

#[test]
fn cli() {
    trycmd::TestCases::new().case("tests/cmd/*.toml");
}
