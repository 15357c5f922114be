package dev.fn4j.bench;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.runtime.invocation.Invocation;
import dev.fn4j.runtime.invocation.Outcome;
import dev.fn4j.runtime.store.Database;
import dev.fn4j.runtime.store.DatabaseSettings;
import dev.fn4j.runtime.store.InvocationTable;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the runtime allocates per call in two places that run once per call: recording an ended
 * synchronous call on the embedded database ({@link InvocationTable#insertEnded}, batches of 200,
 * as the runtime jar on the class path does and as runtimes before schema 17.1 did,
 * about what the recorder gathers in its 20 ms at 10,000 calls/s, on a table already holding
 * 50,000 calls) and the instance protocol's frames (an Invoke written and read, a Result written
 * and read, 64-byte bodies). Prints bytes allocated by the measuring thread per call and its CPU
 * nanoseconds per call, the median of 9 rounds: allocation is what sets the runtime's young
 * collections, and both are independent of the machine's other load, unlike wall time. To compare
 * two runtime jars, put the other jar first on the class path:
 * {@code java -cp 'OTHER.jar:bench/target/fn4j-bench.jar:bench/target/lib/*' dev.fn4j.bench.RecordingAllocation}.
 */
public final class RecordingAllocation {

    private static final int ROUNDS = 9;
    private static final int BATCH = 200;
    private static final int BATCHES_PER_ROUND = 50;
    private static final int HISTORY = 50_000;
    private static final int FRAMES_PER_ROUND = 200_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RecordingAllocation() {}

    public static void main(String[] args) throws Exception {
        // Side by side in alternating rounds: ended sync calls as the runtime jar on the class path
        // records them (sync_call_pages since schema 18, sync_calls in 17.2), and as every runtime
        // before 17.1 recorded them: a row of invocations, with the
        // lease_owner index 17.1 dropped. A record with a request type is not a plain sync call,
        // so the store keeps it in invocations: that is how the second variant gets there.
        Database current = open();
        Database withLeaseIndex = open();
        try {
            withLeaseIndex.write("index", connection -> {
                try (var statement = connection.createStatement()) {
                    statement.execute("CREATE INDEX invocations_lease_owner ON invocations (lease_owner)");
                }
                return null;
            });
            InvocationTable[] tables = {new InvocationTable(current), new InvocationTable(withLeaseIndex)};
            for (InvocationTable table : tables) {
                for (int i = 0; i < HISTORY / BATCH; i++) {
                    table.insertEnded(batch(table == tables[1]));
                }
            }
            double[][] recordBytes = new double[2][ROUNDS];
            double[][] recordCpu = new double[2][ROUNDS];
            double[] frameBytes = new double[ROUNDS];
            double[] frameCpu = new double[ROUNDS];
            for (int round = 0; round < ROUNDS; round++) {
                for (int variant = 0; variant < 2; variant++) {
                    List<List<Invocation>> batches = new ArrayList<>();
                    for (int i = 0; i < BATCHES_PER_ROUND; i++) {
                        batches.add(batch(variant == 1));
                    }
                    long[] start = now();
                    for (List<Invocation> batch : batches) {
                        tables[variant].insertEnded(batch);
                    }
                    double[] per = per(start, BATCH * BATCHES_PER_ROUND);
                    recordBytes[variant][round] = per[0];
                    recordCpu[variant][round] = per[1];
                }
                long[] start = now();
                int sink = 0;
                for (int i = 0; i < FRAMES_PER_ROUND; i++) {
                    sink += roundTrip(i);
                }
                double[] per = per(start, FRAMES_PER_ROUND);
                frameBytes[round] = per[0];
                frameCpu[round] = per[1];
                if (sink == 42) {
                    System.out.println();
                }
            }
            System.out.println("protocol classes from " + jarOf(FrameCodec.class) + ", runtime classes from "
                    + jarOf(InvocationTable.class));
            System.out.println("| per call | bytes allocated | CPU ns |");
            System.out.println("| --- | ---: | ---: |");
            String[] names = {"as this runtime jar records it", "into invocations, as before schema 17.1"};
            for (int variant = 0; variant < 2; variant++) {
                System.out.printf(
                        Locale.ROOT,
                        "| recording an ended call (H2, batches of %d), %s | %.0f | %.0f |%n",
                        BATCH,
                        names[variant],
                        median(recordBytes[variant]),
                        median(recordCpu[variant]));
            }
            System.out.printf(
                    Locale.ROOT,
                    "| Invoke + Result frames, written and read | %.0f | %.0f |%n",
                    median(frameBytes),
                    median(frameCpu));
        } finally {
            current.close();
            withLeaseIndex.close();
        }
    }

    private static String jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation().getPath();
    }

    private static Database open() throws Exception {
        Path dir = Files.createTempDirectory("fn4j-recording-allocation");
        return Database.open(DatabaseSettings.h2File(dir.resolve("fn4j")));
    }

    private static List<Invocation> batch(boolean asBefore) {
        List<Invocation> batch = new ArrayList<>(BATCH);
        Instant now = Instant.now();
        for (int i = 0; i < BATCH; i++) {
            Invocation call = Invocation.sync(
                    id(),
                    "echo",
                    1,
                    now,
                    Outcome.succeeded(now.plusNanos(150_000), false, null, null, null),
                    "POST",
                    "/fn/echo");
            batch.add(asBefore ? withRequestType(call) : call);
        }
        return batch;
    }

    private static Invocation withRequestType(Invocation call) {
        return new Invocation(
                call.id(),
                call.function(),
                call.revision(),
                false,
                call.status(),
                1,
                call.queuedAt(),
                call.startedAt(),
                call.endedAt(),
                call.coldStart(),
                null,
                "text/plain",
                null,
                call.resultType(),
                call.errorCode(),
                call.errorMessage(),
                call.logs(),
                call.method(),
                call.path());
    }

    /** An id as the runtime makes them: the time in milliseconds, then random digits. */
    private static String id() {
        byte[] random = new byte[10];
        ThreadLocalRandom.current().nextBytes(random);
        HexFormat hex = HexFormat.of();
        return hex.toHexDigits(System.currentTimeMillis()).substring(4) + hex.formatHex(random);
    }

    private static int roundTrip(int i) throws Exception {
        byte[] body = new byte[64];
        Arrays.fill(body, (byte) 'x');
        List<Frame.Header> headers = List.of(new Frame.Header("content-type", "text/plain; charset=utf-8"));
        ByteArrayOutputStream out = new ByteArrayOutputStream(512);
        FrameCodec.write(new Frame.Invoke("01a24b1d0c400c38ecd00271fefd082c", 1L << 40, headers, body), out);
        FrameCodec.write(new Frame.Result("01a24b1d0c400c38ecd00271fefd082c", headers, body), out);
        ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
        Frame invoke = FrameCodec.read(in);
        Frame result = FrameCodec.read(in);
        return invoke.type() + result.type() + i;
    }

    private static long[] now() {
        long id = Thread.currentThread().getId();
        return new long[] {THREADS.getThreadAllocatedBytes(id), THREADS.getCurrentThreadCpuTime()};
    }

    private static double[] per(long[] start, int calls) {
        long[] end = now();
        return new double[] {(end[0] - start[0]) / (double) calls, (end[1] - start[1]) / (double) calls};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
