"""A module docstring: the first piece."""


def other():
    return 1


def a(values):
    return [value * 2 for value in values if value > 0]


def b():
    return "unrelated text in a function that is not parsed"


def c(values):
    return {value: value * 3 for value in values}


@route("/")
def view():
    return is_on(KEY)


KEY = "theta"
