; Java: a method invocation names its receiver and method separately, so
; calls capture @receiver too. See rust.scm for the other capture names.

(method_invocation
  object: (_) @receiver
  name: (identifier) @callee
  arguments: (argument_list) @arguments)

(method_invocation
  !object
  name: (identifier) @callee
  arguments: (argument_list) @arguments)

(string_literal) @string

; Fields, not a method's local variables.
(field_declaration
  declarator: (variable_declarator
    name: (identifier) @constant.name
    value: (string_literal) @constant.value))
