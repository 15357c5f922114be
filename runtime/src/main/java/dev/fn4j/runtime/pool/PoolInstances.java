package dev.fn4j.runtime.pool;

import dev.fn4j.runtime.function.LiveInstances;
import dev.fn4j.runtime.instance.Instance;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The pools' instances as the {@link LiveInstances} read model shows them. */
public final class PoolInstances implements LiveInstances {

    private final PoolRegistry pools;

    public PoolInstances(PoolRegistry pools) {
        this.pools = pools;
    }

    @Override
    public List<Snapshot> of(String function) {
        return pools.get(function).map(FunctionPool::instances).orElse(List.of()).stream()
                .map(PoolInstances::snapshot)
                .toList();
    }

    @Override
    public Optional<String> failure(String function) {
        return pools.get(function).flatMap(FunctionPool::failure).map(Throwable::getMessage);
    }

    @Override
    public int starting(String function) {
        return pools.get(function).map(FunctionPool::starting).orElse(0);
    }

    private static Snapshot snapshot(Instance instance) {
        return new Snapshot(
                instance.id(),
                instance.function().revision(),
                instance.state().name().toLowerCase(Locale.ROOT),
                instance.startedAt(),
                instance.inFlight());
    }
}
