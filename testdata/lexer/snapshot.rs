// A raw string inside a macro, after `@`: `"id"` inside it is not a literal.
fn snapshot() {
    insta::assert_json_snapshot!(registrations, @r#"
    [{ "id": "ty/textDocument/diagnostic" }]
    "#);
    let quote = '"';
    let life: &'static str = "new-ui";
    /* a block /* nested */ "id" */
    let id = "id";
}
