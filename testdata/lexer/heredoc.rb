# Literals the lexer does not read give up; the tree reads them.
SQL = <<~SQL
  SELECT "id" FROM flags -- it's "new-ui"
SQL
WORDS = %w[id new-ui]
QUOTE = ?"
