; Go: see rust.scm for the capture names.

(call_expression
  function: [(identifier) (selector_expression)] @callee
  arguments: (argument_list) @arguments)

(interpreted_string_literal) @string
(raw_string_literal) @string

(const_spec
  name: (identifier) @constant.name
  value: (expression_list . [(interpreted_string_literal) (raw_string_literal)] @constant.value .))
