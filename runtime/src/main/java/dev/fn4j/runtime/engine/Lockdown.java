package dev.fn4j.runtime.engine;

import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.LogConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Ulimit;
import dev.fn4j.protocol.ImageLayout;
import java.util.List;
import java.util.Map;

/**
 * The isolation every function instance runs under: the product's promise that untrusted code
 * cannot hurt the host or other functions, written down once. Each setting is asserted against
 * Docker's inspect output by DockerContainerEngineIT. Public so the benchmark harness starts its
 * containers under the same settings instead of a copy of them.
 */
public final class Lockdown {

    /** Where the instance's socket directory appears inside the container. */
    static final String SOCKET_MOUNT = "/fn4j";

    /** The instance's only writable directory, java.io.tmpdir (ImageLayout.JVM_FLAGS). */
    static final String TMP = "/tmp";
    /**
     * exec: native libraries (sqlite-jdbc, zstd-jni, snappy-java, netty) unpack their .so into
     * java.io.tmpdir and dlopen it, which a noexec mount refuses; Docker mounts a tmpfs noexec
     * unless told exec. nosuid and nodev stay: nothing written there gains privileges or
     * reaches a device. uid/gid: the function's user owns it whatever the image's /tmp is
     * (Docker copies that directory's mode, so a root 0755 /tmp would be unwritable); mode 0700
     * applies when the image has none.
     */
    static final String TMP_FLAGS = "rw,exec,nosuid,nodev";

    static final long PIDS_LIMIT = 128;
    static final long NOFILE = 1024;
    static final String LOG_MAX_SIZE = "1m";
    static final String LOG_MAX_FILE = "1";
    static final String NO_NEW_PRIVILEGES = "no-new-privileges";

    private Lockdown() {}

    /** The host side of an instance's container: limits, filesystems and what is shared. */
    public static HostConfig hostConfig(InstanceSpec spec) {
        return HostConfig.newHostConfig()
                // No network but loopback; the launcher may pick the engine's hook-free equivalent
                // (NetworkIsolation), never anything with more in it.
                .withNetworkMode(NetworkIsolation.NONE)
                .withReadonlyRootfs(true)
                .withTmpFs(Map.of(TMP, tmpOptions(spec)))
                .withCapDrop(Capability.ALL)
                .withSecurityOpts(List.of(NO_NEW_PRIVILEGES))
                .withPrivileged(false)
                // Private namespaces; the defaults already, stated so no daemon option changes them.
                .withIpcMode("private")
                .withPidsLimit(PIDS_LIMIT)
                .withMemory(spec.memoryBytes())
                // Equal to Memory: no swap, so an instance over its limit is OOM-killed, not slowed.
                .withMemorySwap(spec.memoryBytes())
                .withOomKillDisable(false)
                // As a quota per period rather than NanoCpus: only these can be updated on a running
                // container, which the startup CPU boost does once the instance is ready.
                .withCpuPeriod(CpuQuota.PERIOD_MICROS)
                .withCpuQuota(CpuQuota.quotaMicros(spec.nanoCpus()))
                .withUlimits(List.of(new Ulimit("nofile", NOFILE, NOFILE)))
                .withLogConfig(new LogConfig(
                        LogConfig.LoggingType.JSON_FILE, Map.of("max-size", LOG_MAX_SIZE, "max-file", LOG_MAX_FILE)))
                // docker-init (tini) as PID 1 reaps zombies and forwards signals to the JVM.
                .withInit(true)
                // A Mount, not a Bind: a missing source fails instead of being created as root.
                .withMounts(List.of(new Mount()
                        .withType(MountType.BIND)
                        .withSource(spec.socketDir().toString())
                        .withTarget(SOCKET_MOUNT)
                        .withReadOnly(false)))
                // The runtime reads the exit state itself, and never reuses a stopped instance.
                .withAutoRemove(false)
                .withRestartPolicy(RestartPolicy.noRestart());
    }

    /**
     * The tmpfs options of the instance's {@code /tmp}: {@link #TMP_FLAGS}, owned by the
     * function's user, and sized so a full /tmp is ENOSPC for the function, never more of the
     * host's memory; its pages count against the container's memory limit too.
     */
    static String tmpOptions(InstanceSpec spec) {
        String[] user = ImageLayout.USER.split(":", 2);
        return TMP_FLAGS + ",size=" + spec.tmpBytes() / 1024 + "k,uid=" + user[0] + ",gid=" + user[1] + ",mode=0700";
    }

    /**
     * The spec's labels plus the one that marks every fn4j container, whoever owns it; every
     * engine labels its containers (or pods) with these.
     */
    public static Map<String, String> labels(InstanceSpec spec) {
        return Labels.managed(spec.labels());
    }

    /** Docker's KEY=VALUE form, sorted so the same spec always makes the same request. */
    public static List<String> env(InstanceSpec spec) {
        return spec.env().entrySet().stream()
                .sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
    }
}
