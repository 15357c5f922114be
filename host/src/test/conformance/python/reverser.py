"""Like testfns.Reverser: the bytes reversed."""


def handle(input: bytes, context):
    return input[::-1]
