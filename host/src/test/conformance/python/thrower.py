"""Like testfns.Thrower: "boom" raises with message "boom", anything else answers "ok:" + input."""


def handle(input: str, context):
    if input == "boom":
        raise RuntimeError("boom")
    return "ok:" + input
