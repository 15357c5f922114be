package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.function.LiveInstances;
import dev.fn4j.runtime.instance.Instance;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The pools' instances as the {@link LiveInstances} read model shows them: the live ones, then the
 * paused ones, whose state is {@code paused}.
 */
public final class PoolInstances implements LiveInstances {

    /** The state shown for a paused instance. */
    public static final String PAUSED = "paused";

    private final PoolRegistry pools;

    public PoolInstances(PoolRegistry pools) {
        this.pools = pools;
    }

    @Override
    public List<Snapshot> of(String function) {
        Optional<FunctionPool> pool = pools.get(function);
        Stream<Snapshot> live = pool.map(FunctionPool::instances).orElse(List.of()).stream()
                .map(i -> snapshot(i, i.state().name().toLowerCase(Locale.ROOT)));
        Stream<Snapshot> paused =
                pool.map(FunctionPool::paused).orElse(List.of()).stream().map(i -> snapshot(i, PAUSED));
        return Stream.concat(live, paused).toList();
    }

    @Override
    public Optional<String> failure(String function) {
        return pools.get(function).flatMap(FunctionPool::failure).map(Throwable::getMessage);
    }

    @Override
    public int starting(String function) {
        return pools.get(function).map(FunctionPool::starting).orElse(0);
    }

    private static Snapshot snapshot(Instance instance, String state) {
        return new Snapshot(
                instance.id(), instance.function().revision(), state, instance.startedAt(), instance.inFlight());
    }
}
