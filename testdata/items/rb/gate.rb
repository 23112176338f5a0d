# Top-level methods: only the one that calls the flag API parses, with
# the constant it reads.
require "flags"

def unrelated(rows)
  rows.map { |row| row[:kind] }
end

def gate(user)
  if user.admin?
    return true
  end
  Flags.is_on(KEY) && Flags.is_on(:zeta)
rescue StandardError
  false
end

def other
  "eta"
end

class Report
  HEADERS = ["name", "kind"].freeze

  def rows(items)
    items.each_with_object([]) do |item, out|
      out << [item.name, item.kind] if item.visible?
    end
  end

  def render(items)
    rows(items).map { |row| row.join(",") }.join("\n")
  end
end

KEY = "theta"
