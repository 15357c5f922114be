"""Like testfns.ContextProbe: what the context says, as JSON, after one logger line."""


def handle(input: str, context):
    context.logger.info("probing " + input)
    return {
        "requestId": context.request_id,
        "functionName": context.function_name,
        "deadline": context.deadline_millis,
        "remainingPositive": context.remaining_millis() > 0,
        "config": context.config,
    }
