"""A Python function for PolyglotFunctionsIT: greets, sleeps, fails or eats memory as asked."""
import time

import greeting  # from vendor/: proves the folder is on sys.path


def handle(input, context):
    mode = input.get("mode", "greet")
    if mode == "sleep":
        time.sleep(input["seconds"])
        return "woke"
    if mode == "oom":
        hoard = []
        while True:
            hoard.append(b"x" * (16 << 20))
    if mode == "boom":
        raise ValueError("no " + input["name"])
    print("greeting " + input["name"])
    context.logger.info("greeted")
    return {"message": greeting.hello(input["name"]), "requestId": context.request_id}
