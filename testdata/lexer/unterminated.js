// The file ends inside a string, on a backslash: the lexer gives up
// (it once read past the end), and the tree says what it can.
const key = "new-ui";
const broken = "id\