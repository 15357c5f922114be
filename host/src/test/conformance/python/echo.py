"""Like testfns.Echo: the text input back, or nothing for "null"."""


def handle(input: str, context):
    return None if input == "null" else input
