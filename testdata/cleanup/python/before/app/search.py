from app.keys import NEW_SEARCH, OTHER
from app.ranking import classic_rank, new_rank, boost


def search(client, query, user):
    if client.is_enabled(NEW_SEARCH):
        results = new_rank(query)
        if user.beta:
            results = boost(results)
    elif client.is_enabled(OTHER):
        results = classic_rank(query, fast=True)
    else:
        results = classic_rank(query)
    return results


def describe(client):
    enabled = client.is_enabled("new-search")
    if not enabled:
        return "classic"
    note = """kept
    as is"""
    return "new " + note


def label(client, user):
    mode = "v2" if client.get_boolean_value("new-search", False) else "v1"
    if user.admin and client.is_enabled(NEW_SEARCH):
        mode += "+admin"
    return mode


def only_new(client, warm_cache):
    if client.is_enabled(NEW_SEARCH):
        warm_cache()
