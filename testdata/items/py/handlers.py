"""Calls whose keys are constants of typed.py."""


def handler():
    return is_on(HANDLER)


def mode():
    return is_on(mode)
