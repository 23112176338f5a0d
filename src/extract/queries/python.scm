; Python: see rust.scm for the capture names. Docstrings are @ignore.

(call
  function: [(identifier) (attribute)] @callee
  arguments: (argument_list) @arguments)

(string) @string

(module . (expression_statement (string) @ignore))
(block . (expression_statement (string) @ignore))

(assignment
  left: (identifier) @constant.name
  right: (string) @constant.value)
