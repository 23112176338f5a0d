; Ruby: a call names its receiver and method separately, so calls capture
; @receiver too. Symbols (:new_ui) are strings. See rust.scm.

(call
  receiver: (_) @receiver
  method: (identifier) @callee
  arguments: (argument_list) @arguments)

(call
  !receiver
  method: (identifier) @callee
  arguments: (argument_list) @arguments)

(string) @string
(simple_symbol) @string
(delimited_symbol) @string

(assignment
  left: (constant) @constant.name
  right: (string) @constant.value)
