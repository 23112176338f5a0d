pub fn gate() -> bool {
    flags::is_enabled("pipe|key::error file=x::forged%0A")
        && flags::is_enabled("new\nline::error::forged|%0D")
        && flags::is_enabled("\u{1b}[2Jclear-screen")
}
