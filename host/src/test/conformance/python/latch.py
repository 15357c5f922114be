"""Like testfns.LatchHandler: answers "overlapped" once two calls were inside at once."""
import threading

BOTH_INSIDE = threading.Barrier(2)


def handle(input: str, context):
    try:
        BOTH_INSIDE.wait(10)
        return "overlapped"
    except threading.BrokenBarrierError:
        return "alone"
