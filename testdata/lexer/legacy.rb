# Keys and no call, read without a tree: symbols are strings, labels and
# scopes are not, and holes of code in strings hold strings too.
module Legacy
  KEYS = [:id, :"new-ui", :'id'].freeze
  WORDS = %w[id new-ui] + [%Q(#{"id"} it's), %r{#{'new-ui'}/x}]

  def self.options(user)
    {
      id: user.id,
      "new-ui": true,
      name: "#{user.name} (#{"id"})",
      shell: `echo 'new-ui'`,
      scope: ::Legacy::KEYS,
      ratio: user.total / 2 / 3,
      pick: user.admin? ? :id : :name,
      setter: :id=,
      older: { :id => 1 },
    }
  end
end
