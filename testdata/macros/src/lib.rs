#[test]
fn gates() {
    assert!(features::is_enabled("only-in-asserts"));
    assert!(matches!(features::is_enabled("in-matches"), true));
}
