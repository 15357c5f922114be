package dev.fn4j.runtime.schedule;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import dev.fn4j.runtime.function.Function;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts each scheduled function's invocations: every pass plans the due ticks of every function
 * with a schedule, claims each tick in the store (one runtime wins it), and submits its
 * invocation through the one admission for asynchronous calls. A tick is started at most once
 * by every runtime sharing the store, and exactly once unless admission refuses it (recorded).
 * Passes are serialized; they block on the store, so run them on a background thread.
 */
public final class Scheduler {

    private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The client scheduled calls count against for client rate limits. */
    static final String CLIENT = "the scheduler";

    /** Submits an admitted asynchronous call: {@code Calls.submit}. */
    @FunctionalInterface
    public interface Submitter {
        void submit(String client, String function, String id, byte[] body, String contentType);
    }

    private final Supplier<List<Function>> functions;
    private final ScheduleTable table;
    private final Submitter submitter;
    /** Whether an invocation with this id is stored: a resubmitted claim that is need not be. */
    private final Predicate<String> stored;

    private final String runtimeId;
    private final Clock clock;
    private final Duration grace;
    /** Each function's latest tick acted on, by any runtime as far as this one knows. */
    private final Map<String, Instant> through = new ConcurrentHashMap<>();
    /** Whether a pass is queued or running: passes never pile up behind a slow store. */
    private final AtomicBoolean passing = new AtomicBoolean();
    /** The repeating pass, while started. */
    private volatile ScheduledFuture<?> loop;
    /** When old claims were last forgotten; touched by passes only. */
    private Instant forgotAt = Instant.EPOCH;

    public Scheduler(
            Supplier<List<Function>> functions,
            ScheduleTable table,
            Submitter submitter,
            Predicate<String> stored,
            String runtimeId,
            Clock clock,
            Duration grace) {
        this.functions = functions;
        this.table = table;
        this.submitter = submitter;
        this.stored = stored;
        this.runtimeId = runtimeId;
        this.clock = clock;
        this.grace = grace;
    }

    /**
     * Resumes this runtime's unsubmitted claims, then runs a pass every second on {@code work}
     * (passes block on the store), forgetting claims older than {@code retention} hourly.
     */
    public void start(ScheduledExecutorService timers, Executor work, Duration retention) {
        work.execute(this::resumeSafely);
        loop = timers.scheduleWithFixedDelay(
                () -> {
                    if (passing.compareAndSet(false, true)) {
                        try {
                            work.execute(() -> pass(retention));
                        } catch (RuntimeException e) {
                            passing.set(false);
                        }
                    }
                },
                1,
                1,
                TimeUnit.SECONDS);
    }

    /** Stops the passes; a running one finishes. */
    public void stop() {
        ScheduledFuture<?> running = loop;
        if (running != null) {
            running.cancel(false);
        }
    }

    private void pass(Duration retention) {
        try {
            runDue();
            if (Duration.between(forgotAt, clock.instant()).toHours() >= 1) {
                forgotAt = clock.instant();
                forgetBefore(retention);
            }
        } catch (RuntimeException e) {
            LOG.warn("a schedule pass failed: {}", e.getMessage());
        } finally {
            passing.set(false);
        }
    }

    private void resumeSafely() {
        try {
            int resumed = resume();
            if (resumed > 0) {
                LOG.info("submitted again {} scheduled tick(s) claimed before the last stop", resumed);
            }
        } catch (RuntimeException e) {
            LOG.warn("resuming scheduled ticks failed: {}", e.getMessage());
        }
    }

    /**
     * Submits again the ticks this runtime claimed but had not submitted when it stopped, under
     * the invocation ids chosen at the claim. Call once at start-up, before the first pass.
     */
    public synchronized int resume() {
        List<ScheduleTable.Claim> claims = table.unsubmitted(runtimeId);
        for (ScheduleTable.Claim claim : claims) {
            if (stored.test(claim.invocationId())) {
                table.settle(claim.function(), claim.tick(), ScheduleTable.SUBMITTED, null);
            } else {
                submit(claim.function(), claim.tick(), claim.invocationId());
            }
        }
        return claims.size();
    }

    /** One pass: acts on every schedule's due ticks. */
    public synchronized void runDue() {
        Instant now = clock.instant();
        for (Function function : functions.get()) {
            try {
                CronSchedule.of(function.spec()).ifPresent(schedule -> runDue(function, schedule, now));
            } catch (RuntimeException e) {
                LOG.warn("schedule of function '{}' failed this pass: {}", function.name(), e.getMessage());
            }
        }
    }

    private void runDue(Function function, CronSchedule schedule, Instant now) {
        String name = function.name();
        Instant after = through.computeIfAbsent(name, n -> table.lastTick(n).orElse(Instant.EPOCH));
        // Ticks before this revision's deploy are not owed: the schedule may be new.
        Instant deployed = function.updatedAt();
        TickPlan plan = TickPlan.of(schedule, after.isAfter(deployed) ? after : deployed, now, grace);
        if (plan.skipped() != null
                && table.claim(name, plan.skipped(), newId(), ScheduleTable.SKIPPED, runtimeId, now)) {
            LOG.info("function '{}': skipped the ticks missed up to {} (missedTicks: skip)", name, plan.skipped());
        }
        for (Instant tick : plan.run()) {
            String id = newId();
            if (table.claim(name, tick, id, ScheduleTable.CLAIMED, runtimeId, now)) {
                submit(name, tick, id);
            }
        }
        through.put(name, plan.through(after));
    }

    private void submit(String function, Instant tick, String id) {
        byte[] body = ("{\"function\":\"" + function + "\",\"scheduledFor\":\"" + tick + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        try {
            submitter.submit(CLIENT, function, id, body, "application/json");
            table.settle(function, tick, ScheduleTable.SUBMITTED, null);
        } catch (ApiException e) {
            if (e.code() == ErrorCode.SHUTTING_DOWN) {
                return; // left claimed: resumed at the next start
            }
            LOG.warn("function '{}': the tick {} was refused: {}", function, tick, e.getMessage());
            table.settle(function, tick, ScheduleTable.REFUSED, e.code().code() + ": " + e.getMessage());
        }
    }

    /** The next {@code count} ticks of the function's schedule; empty when it has none. */
    public List<Instant> nextTicks(Function function, int count) {
        Optional<CronSchedule> schedule = CronSchedule.of(function.spec());
        return schedule.map(s -> s.next(clock.instant(), count)).orElse(List.of());
    }

    /** The tick that started the invocation, or empty when no schedule started it; reads the store. */
    public Optional<Instant> scheduledFor(String invocationId) {
        return table.ofInvocation(invocationId).map(ScheduleTable.Claim::tick);
    }

    /** Forgets claims older than {@code retention}, keeping each function's latest. */
    public int forgetBefore(Duration retention) {
        return table.deleteBefore(clock.instant().minus(retention));
    }

    /** 20 random hex digits, as request ids are. */
    static String newId() {
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
