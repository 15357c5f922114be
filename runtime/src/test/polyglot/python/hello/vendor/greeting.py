"""Stands in for a vendored package."""


def hello(name):
    return "Hello, " + name
