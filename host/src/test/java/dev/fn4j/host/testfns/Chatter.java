package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes "out TAG" to System.out, "err TAG" to System.err, "log TAG" through its logger and
 * "thread TAG" from a thread it starts, in that order, for the input's first word TAG. More words
 * add: "flood=N" N more bytes of 'x' on System.out; "overlap" waits, between the out and err lines,
 * until a second call got that far; "hold=PATH" waits there until the file PATH exists; "boom" throws afterwards; "oom" throws an OutOfMemoryError.
 */
public final class Chatter implements Handler<String, String> {
    private static final CountDownLatch BOTH_INSIDE = new CountDownLatch(2);

    @Override
    public String handle(String input, Context context) throws Exception {
        String[] words = input.strip().split(" ");
        String tag = words[0];
        System.out.println("out " + tag);
        for (String word : words) {
            if (word.equals("overlap")) {
                BOTH_INSIDE.countDown();
                if (!BOTH_INSIDE.await(10, TimeUnit.SECONDS)) {
                    return "alone";
                }
            } else if (word.startsWith("hold=")) {
                java.nio.file.Path released = java.nio.file.Path.of(word.substring("hold=".length()));
                for (int i = 0; i < 1000 && !java.nio.file.Files.exists(released); i++) {
                    Thread.sleep(10);
                }
            }
        }
        System.err.println("err " + tag);
        context.logger().info("log " + tag);
        Thread thread = new Thread(() -> System.out.println("thread " + tag));
        thread.start();
        thread.join();
        for (String word : words) {
            if (word.startsWith("flood=")) {
                System.out.print("x".repeat(Integer.parseInt(word.substring("flood=".length()))));
                System.out.flush();
            } else if (word.equals("boom")) {
                throw new IllegalStateException("boom " + tag);
            } else if (word.equals("oom")) {
                throw new OutOfMemoryError("chatter heap");
            }
        }
        return "done " + tag;
    }
}
