pub fn checkout() -> bool {
    flags::is_enabled(crate::keys::CHECKOUT)
}
