; C#: see rust.scm for the capture names.

(invocation_expression
  function: [(identifier) (member_access_expression)] @callee
  arguments: (argument_list) @arguments)

(string_literal) @string
(verbatim_string_literal) @string
(raw_string_literal) @string

(field_declaration
  (variable_declaration
    (variable_declarator
      name: (identifier) @constant.name
      [(string_literal) (verbatim_string_literal)] @constant.value)))
