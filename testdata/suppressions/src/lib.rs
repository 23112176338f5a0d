pub fn checkout() {
    // flaglint: allow(expired-flag) reason: rollback kept until INC-42 closes
    if flags::is_enabled("old-checkout") {}
    if flags::is_enabled("old-checkout") {} // flaglint: allow(expired-flag, undeclared-flag) reason: same incident
    // flaglint: allow(expired-flag)
    if flags::is_enabled("old-checkout") {}
    if flags::is_enabled("old-checkout") {}
}
