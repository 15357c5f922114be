package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;

/**
 * For input "N PAUSE", writes the lines "tick 1" to "tick N", odd ones to System.out and even
 * ones through its logger, pausing PAUSE ms after each, then answers "ticked N".
 */
public final class Ticker implements Handler<String, String> {

    @Override
    public String handle(String input, Context context) throws InterruptedException {
        String[] words = input.strip().split(" ");
        int count = Integer.parseInt(words[0]);
        long pause = Long.parseLong(words[1]);
        for (int i = 1; i <= count; i++) {
            if (i % 2 == 1) {
                System.out.println("tick " + i);
            } else {
                context.logger().info("tick " + i);
            }
            Thread.sleep(pause);
        }
        return "ticked " + count;
    }
}
