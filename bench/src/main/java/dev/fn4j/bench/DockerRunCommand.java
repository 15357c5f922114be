package dev.fn4j.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Mount;
import com.github.dockerjava.api.model.MountType;
import com.github.dockerjava.api.model.RestartPolicy;
import com.github.dockerjava.api.model.Ulimit;
import dev.fn4j.protocol.ImageLayout;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.engine.Lockdown;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The runtime's container for an instance (its user, and {@link Lockdown}'s environment and host
 * settings) written as a {@code docker run -d} command line, so the bench times the Docker CLI
 * starting exactly what the runtime starts. The lock-down is read from the runtime, never
 * retyped here: a host setting this class cannot express fails the run instead of being dropped.
 */
final class DockerRunCommand {

    /** Docker API names of the host settings {@link #hostFlags} knows how to write. */
    private static final Set<String> KNOWN = Set.of(
            "NetworkMode",
            "ReadonlyRootfs",
            "Tmpfs",
            "CapDrop",
            "SecurityOpt",
            "Privileged",
            "IpcMode",
            "PidsLimit",
            "Memory",
            "MemorySwap",
            "OomKillDisable",
            "NanoCpus",
            "CpuPeriod",
            "CpuQuota",
            "Ulimits",
            "LogConfig",
            "Init",
            "Mounts",
            "AutoRemove",
            "RestartPolicy");

    private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

    private DockerRunCommand() {}

    /** {@code run -d --name … --label … --user … <lock-down> -e …  <image>}, without "docker". */
    static List<String> of(InstanceSpec spec) {
        List<String> args = new ArrayList<>(List.of("run", "-d", "--name", spec.containerName()));
        new TreeMap<>(spec.labels()).forEach((k, v) -> add(args, "--label", k + "=" + v));
        add(args, "--user", ImageLayout.USER);
        args.addAll(hostFlags(Lockdown.hostConfig(spec)));
        for (String variable : Lockdown.env(spec)) {
            add(args, "-e", variable);
        }
        args.add(spec.image());
        return args;
    }

    /** The {@code docker run} flags for {@code host}; Docker's defaults are left out. */
    static List<String> hostFlags(HostConfig host) {
        checkKnown(host);
        List<String> args = new ArrayList<>();
        if (host.getNetworkMode() != null) {
            add(args, "--network", host.getNetworkMode());
        }
        if (Boolean.TRUE.equals(host.getReadonlyRootfs())) {
            args.add("--read-only");
        }
        if (host.getTmpFs() != null) {
            new TreeMap<>(host.getTmpFs())
                    .forEach((path, opts) -> add(args, "--tmpfs", opts.isEmpty() ? path : path + ":" + opts));
        }
        if (host.getCapDrop() != null) {
            for (Capability capability : host.getCapDrop()) {
                add(args, "--cap-drop", capability.name());
            }
        }
        if (host.getSecurityOpts() != null) {
            host.getSecurityOpts().forEach(opt -> add(args, "--security-opt", opt));
        }
        if (Boolean.TRUE.equals(host.getPrivileged())) {
            args.add("--privileged");
        }
        if (host.getIpcMode() != null) {
            add(args, "--ipc", host.getIpcMode());
        }
        if (host.getPidsLimit() != null) {
            add(args, "--pids-limit", host.getPidsLimit().toString());
        }
        if (host.getMemory() != null) {
            add(args, "--memory", host.getMemory().toString());
        }
        if (host.getMemorySwap() != null) {
            add(args, "--memory-swap", host.getMemorySwap().toString());
        }
        if (Boolean.TRUE.equals(host.getOomKillDisable())) {
            args.add("--oom-kill-disable");
        }
        if (host.getNanoCPUs() != null) {
            add(
                    args,
                    "--cpus",
                    BigDecimal.valueOf(host.getNanoCPUs(), 9)
                            .stripTrailingZeros()
                            .toPlainString());
        }
        if (host.getCpuPeriod() != null) {
            add(args, "--cpu-period", host.getCpuPeriod().toString());
        }
        if (host.getCpuQuota() != null) {
            add(args, "--cpu-quota", host.getCpuQuota().toString());
        }
        if (host.getUlimits() != null) {
            for (Ulimit u : host.getUlimits()) {
                add(args, "--ulimit", u.getName() + "=" + u.getSoftLong() + ":" + u.getHardLong());
            }
        }
        if (host.getLogConfig() != null) {
            add(args, "--log-driver", host.getLogConfig().getType().getType());
            Map<String, String> config = host.getLogConfig().getConfig();
            if (config != null) {
                new TreeMap<>(config).forEach((k, v) -> add(args, "--log-opt", k + "=" + v));
            }
        }
        if (Boolean.TRUE.equals(host.getInit())) {
            args.add("--init");
        }
        if (host.getMounts() != null) {
            for (Mount mount : host.getMounts()) {
                add(args, "--mount", mount(mount));
            }
        }
        if (Boolean.TRUE.equals(host.getAutoRemove())) {
            args.add("--rm");
        }
        RestartPolicy restart = host.getRestartPolicy();
        if (restart != null
                && restart.getName() != null
                && !restart.getName().isEmpty()
                && !restart.getName().equals("no")) {
            add(args, "--restart", restart.toString());
        }
        return args;
    }

    private static String mount(Mount mount) {
        if (mount.getType() != MountType.BIND || mount.getBindOptions() != null) {
            throw new IllegalStateException(
                    "the lock-down has a mount the bench cannot write as" + " a docker run flag: " + mount);
        }
        return "type=bind,source=" + mount.getSource() + ",target=" + mount.getTarget()
                + (Boolean.TRUE.equals(mount.getReadOnly()) ? ",readonly" : "");
    }

    /** Fails on a setting outside {@link #KNOWN}: dropping it would bench a weaker container. */
    private static void checkKnown(HostConfig host) {
        Map<?, ?> set = JSON.convertValue(host, Map.class);
        for (Object name : set.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new IllegalStateException("the runtime's lock-down sets " + name + "="
                        + set.get(name) + ", which the bench cannot write as a docker run flag;"
                        + " teach DockerRunCommand.hostFlags about it");
            }
        }
    }

    private static void add(List<String> args, String flag, String value) {
        args.add(flag);
        args.add(value);
    }
}
