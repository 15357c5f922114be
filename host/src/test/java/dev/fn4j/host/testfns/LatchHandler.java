package dev.fn4j.host.testfns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Proves calls overlap: each call counts down a latch of two and waits for it, answering
 * "overlapped" when both calls were inside the handler at once and "alone" after 10 s otherwise.
 */
public final class LatchHandler implements Handler<String, String> {
    private static final CountDownLatch BOTH_INSIDE = new CountDownLatch(2);

    @Override
    public String handle(String input, Context context) throws InterruptedException {
        BOTH_INSIDE.countDown();
        return BOTH_INSIDE.await(10, TimeUnit.SECONDS) ? "overlapped" : "alone";
    }
}
