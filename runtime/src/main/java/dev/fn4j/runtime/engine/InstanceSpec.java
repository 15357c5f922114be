package dev.fn4j.runtime.engine;

import dev.fn4j.spec.Field;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything needed to start one function instance's container. The engine adds the lock-down
 * (no network, read-only root, dropped capabilities and the rest); this record carries only what
 * varies per instance.
 *
 * @param containerName a unique container name
 * @param image the image id or reference
 * @param env environment variables for the host process
 * @param labels fn4j labels (runtime id, function, revision, instance)
 * @param socketDir the host directory bind-mounted at {@code /fn4j}, the only host path shared
 * @param memoryBytes the memory limit, also the memory+swap limit so the instance never swaps
 * @param nanoCpus the CPU quota in billionths of a CPU
 * @param tmpBytes the size of the instance's private, writable {@code /tmp}; its pages count
 *     against {@code memoryBytes}
 * @param jvmOptions options the engine puts right after {@code java} in the image's entrypoint
 *     (a class-data archive, say); empty to run the entrypoint unchanged
 */
public record InstanceSpec(
        String containerName,
        String image,
        Map<String, String> env,
        Map<String, String> labels,
        Path socketDir,
        long memoryBytes,
        long nanoCpus,
        long tmpBytes,
        List<String> jvmOptions) {

    /** The size of {@code /tmp} when the caller has no function setting for it. */
    public static final long DEFAULT_TMP_BYTES = Field.TMP_SIZE.defaultValue();

    /** A spec with the default {@code /tmp} size. */
    public InstanceSpec(
            String containerName,
            String image,
            Map<String, String> env,
            Map<String, String> labels,
            Path socketDir,
            long memoryBytes,
            long nanoCpus) {
        this(containerName, image, env, labels, socketDir, memoryBytes, nanoCpus, DEFAULT_TMP_BYTES);
    }

    /** A spec that runs the image's entrypoint unchanged. */
    public InstanceSpec(
            String containerName,
            String image,
            Map<String, String> env,
            Map<String, String> labels,
            Path socketDir,
            long memoryBytes,
            long nanoCpus,
            long tmpBytes) {
        this(containerName, image, env, labels, socketDir, memoryBytes, nanoCpus, tmpBytes, List.of());
    }

    public InstanceSpec {
        Objects.requireNonNull(containerName, "containerName");
        Objects.requireNonNull(image, "image");
        env = Map.copyOf(env);
        labels = Map.copyOf(labels);
        Objects.requireNonNull(socketDir, "socketDir");
        if (memoryBytes <= 0) {
            throw new IllegalArgumentException("memoryBytes must be positive: " + memoryBytes);
        }
        if (nanoCpus <= 0) {
            throw new IllegalArgumentException("nanoCpus must be positive: " + nanoCpus);
        }
        // Whole KiB: the tmpfs size option is written in kibibytes.
        if (tmpBytes <= 0 || tmpBytes % 1024 != 0) {
            throw new IllegalArgumentException("tmpBytes must be a positive number of KiB: " + tmpBytes);
        }
        jvmOptions = List.copyOf(jvmOptions);
    }
}
