; Python: see rust.scm for the capture names. Docstrings are @ignore.

(call
  function: [(identifier) (attribute)] @callee
  arguments: (argument_list) @arguments)

(string) @string

(module . (expression_statement (string) @ignore))
(block . (expression_statement (string) @ignore))

; Module and class attributes, not a function's local variables.
(module
  (expression_statement
    (assignment
      left: (identifier) @constant.name
      right: (string) @constant.value)))

(class_definition
  body: (block
    (expression_statement
      (assignment
        left: (identifier) @constant.name
        right: (string) @constant.value))))
