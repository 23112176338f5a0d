# Heredocs are read without a tree: their bodies are text, where "id" is
# no reference, and their holes are code, where it is.
class Report
  def query(user)
    <<~SQL.strip + describe(<<-'NOTE')
      SELECT "id" FROM flags WHERE owner = #{quote("new-ui")} -- it's
    SQL
      it's #{not("id")} either
      NOTE
  end

  def label
    "id"
  end
end
