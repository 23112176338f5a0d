from app.keys import OTHER
from app.ranking import classic_rank


def search(client, query, user):
    if client.is_enabled(OTHER):
        results = classic_rank(query, fast=True)
    else:
        results = classic_rank(query)
    return results


def describe(client):
    return "classic"


def label(client, user):
    mode = "v1"
    return mode


def only_new(client, warm_cache):
    pass
