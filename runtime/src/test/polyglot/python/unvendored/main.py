import requests


def handle(input, context):
    return requests.__version__
