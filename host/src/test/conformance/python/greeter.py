"""Like testfns.Greeter: {"name", "age"} in, {"message", "nextAge"} out."""


def handle(person, context):
    if person is None:
        return None
    return {"message": "Hello, " + person["name"], "nextAge": person["age"] + 1}
