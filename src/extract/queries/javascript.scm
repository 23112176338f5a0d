; JavaScript, TypeScript and TSX (one query: TypeScript extends the
; JavaScript grammar). See rust.scm for the capture names.

(call_expression
  function: [(identifier) (member_expression)] @callee
  arguments: (arguments) @arguments)

(string) @string
(template_string) @string

(lexical_declaration
  kind: "const"
  (variable_declarator
    name: (identifier) @constant.name
    value: [(string) (template_string)] @constant.value))
