# After a `:` a string may be an annotation or a lambda's body: the tree decides.
class C:
    x: "id" = 1
    f = lambda: "new-ui"
