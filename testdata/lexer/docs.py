"id"
"""A module whose docstring is a key: prose, not a reference."""


def f():
    "new-ui"
    return "id"


class C:
    y = {"new-ui": f"{'id'}"}
