package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Writes "out TAG" to System.out, "err TAG" to System.err, "log TAG" through its logger and
 * "thread TAG" from a thread it starts, in that order, for the input's first word TAG, then
 * answers "done TAG". Later words add, in their order: "overlap" waits, between the out and err
 * lines, until a second call got that far; "flood=N" writes N more bytes of 'x' to System.out;
 * "sleep=N" sleeps N ms; "boom" throws; "halt" kills the JVM with exit code 13.
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
                if (!BOTH_INSIDE.await(20, TimeUnit.SECONDS)) {
                    return "alone " + tag;
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
            } else if (word.startsWith("sleep=")) {
                Thread.sleep(Long.parseLong(word.substring("sleep=".length())));
            } else if (word.equals("boom")) {
                throw new IllegalStateException("boom " + tag);
            } else if (word.equals("halt")) {
                System.out.flush();
                Runtime.getRuntime().halt(13);
            }
        }
        return "done " + tag;
    }
}
