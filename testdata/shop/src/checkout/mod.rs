use crate::flags;

const SEARCH_FLAG: &str = "search-v2";

/// Checks `flags::is_enabled("old-banner")` in a doc comment: not a reference.
pub fn checkout(user: &User) -> Page {
    // flags::is_enabled("beta-dashboard") is commented out: not a reference.
    if flags::is_enabled("new-checkout") {
        return new_checkout(user);
    }
    if crate::flags::is_enabled(SEARCH_FLAG) {
        search();
    }
    let key = format!("checkout-{}", user.cohort);
    if flags::is_enabled(&key) {
        experimental();
    }
    if flags::is_enabled("express-pay") {
        express();
    }
    old_checkout(user)
}
