"""Like testfns.Chatter: "out TAG", "err TAG", a logger line and "thread TAG" for the first word TAG.

More words: "overlap" waits after the out line until a second call got there, "hold=PATH" waits
there until the file PATH exists, "flood=N" prints N more 'x', "boom" raises afterwards.
"""
import os
import sys
import threading
import time

BOTH_INSIDE = threading.Barrier(2)


def handle(input: str, context):
    words = input.strip().split(" ")
    tag = words[0]
    print("out " + tag)
    for word in words:
        if word == "overlap":
            try:
                BOTH_INSIDE.wait(10)
            except threading.BrokenBarrierError:
                return "alone"
        elif word.startswith("hold="):
            for _ in range(1000):
                if os.path.exists(word[len("hold="):]):
                    break
                time.sleep(0.01)
    print("err " + tag, file=sys.stderr)
    context.logger.info("log " + tag)
    thread = threading.Thread(target=lambda: print("thread " + tag))
    thread.start()
    thread.join()
    for word in words:
        if word.startswith("flood="):
            sys.stdout.write("x" * int(word[len("flood="):]))
            sys.stdout.flush()
        elif word == "boom":
            raise RuntimeError("boom " + tag)
    return "done " + tag
