from .keys import SEARCH_V2
from . import keys as k


def search(client):
    return client.is_enabled(SEARCH_V2) or client.is_enabled(k.SEARCH_V2)
