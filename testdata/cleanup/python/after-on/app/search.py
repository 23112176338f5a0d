from app.ranking import new_rank, boost


def search(client, query, user):
    results = new_rank(query)
    if user.beta:
        results = boost(results)
    return results


def describe(client):
    note = """kept
    as is"""
    return "new " + note


def label(client, user):
    mode = "v2"
    if user.admin:
        mode += "+admin"
    return mode


def only_new(client, warm_cache):
    warm_cache()
