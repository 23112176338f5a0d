from enum import StrEnum


class Flags(StrEnum):
    SEARCH = "py-enum-key"


class Other:
    # The same attribute in another class: `Flags.SEARCH` is not this one.
    SEARCH = "something-else"


def search(client):
    return client.is_enabled(Flags.SEARCH)
