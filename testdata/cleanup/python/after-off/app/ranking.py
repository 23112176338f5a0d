def classic_rank(query, fast=False):
    return [query]


def new_rank(query):
    return [query, query]


def boost(results):
    return results
