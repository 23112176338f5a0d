; Kotlin: see rust.scm for the capture names.

(call_expression
  [(identifier) (navigation_expression)] @callee
  (value_arguments) @arguments)

(string_literal) @string

; Top-level and class properties, not a function's local values.
(source_file
  (property_declaration
    (variable_declaration (identifier) @constant.name)
    (string_literal) @constant.value))

(class_body
  (property_declaration
    (variable_declaration (identifier) @constant.name)
    (string_literal) @constant.value))
