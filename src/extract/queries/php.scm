; PHP: method and static calls name their receiver and method separately,
; so they capture @receiver too. See rust.scm for the other capture names.

(member_call_expression
  object: (_) @receiver
  name: (name) @callee
  arguments: (arguments) @arguments)

(scoped_call_expression
  scope: (_) @receiver
  name: (name) @callee
  arguments: (arguments) @arguments)

(function_call_expression
  function: [(name) (qualified_name)] @callee
  arguments: (arguments) @arguments)

(string) @string
(encapsed_string) @string

(const_element
  (name) @constant.name
  [(string) (encapsed_string)] @constant.value)
