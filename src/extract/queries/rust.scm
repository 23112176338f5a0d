; What flaglint reads in Rust source. Capture names are the contract with
; src/extract/tree.rs: @callee/@arguments (a call), @string (a string
; literal), @constant.name/@constant.value (a string constant), @tokens (a
; macro's token tree, searched for calls token by token).
; Comments are separate nodes, so nothing here ever matches inside one.

(call_expression
  function: [(identifier) (scoped_identifier) (field_expression)] @callee
  arguments: (arguments) @arguments)

(call_expression
  function: (generic_function function: (_) @callee)
  arguments: (arguments) @arguments)

(string_literal) @string
(raw_string_literal) @string

(const_item
  name: (identifier) @constant.name
  value: [(string_literal) (raw_string_literal)] @constant.value)

(static_item
  name: (identifier) @constant.name
  value: [(string_literal) (raw_string_literal)] @constant.value)

(macro_invocation (token_tree) @tokens)
