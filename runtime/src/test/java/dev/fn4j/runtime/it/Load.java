package dev.fn4j.runtime.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/** Fires many calls at once from their own threads and collects the replies. */
final class Load {

    private Load() {}

    /** Starts {@code count} calls together (released by one latch) and waits for all replies. */
    static List<Reply> burst(int count, Supplier<Reply> call) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(count);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Reply>> replies = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                replies.add(threads.submit(() -> {
                    go.await();
                    return call.get();
                }));
            }
            go.countDown();
            List<Reply> done = new ArrayList<>();
            for (Future<Reply> reply : replies) {
                done.add(reply.get());
            }
            return done;
        } finally {
            threads.shutdownNow();
        }
    }

    /** Starts calls in the background; {@link Future#get()} gives their replies. */
    static List<Future<Reply>> background(int count, Supplier<Reply> call, ExecutorService threads) {
        List<Future<Reply>> replies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replies.add(threads.submit(call::get));
        }
        return replies;
    }
}
