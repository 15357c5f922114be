package dev.fn4j.runtime.instance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.protocol.Frame;
import dev.fn4j.protocol.FrameCodec;
import dev.fn4j.protocol.Protocol;
import dev.fn4j.protocol.TokenPreamble;
import dev.fn4j.runtime.engine.ContainerState;
import dev.fn4j.runtime.engine.InstanceSpec;
import dev.fn4j.runtime.function.Function;
import dev.fn4j.runtime.function.FunctionSpec;
import dev.fn4j.spec.Field;
import dev.fn4j.spec.Settings;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * An instance start over the network transport, with an engine that plays the pod: the spec
 * carries the runtime's address and a token instead of a socket path, the "host" dials with them,
 * and the token is void once the instance is ready.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class NetworkStartTest {

    @TempDir
    Path instances;

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final ExecutorService watchers = Executors.newCachedThreadPool();
    private final List<SocketChannel> dialled = new CopyOnWriteArrayList<>();
    private NetworkTransport network;

    @AfterEach
    void stop() throws IOException {
        for (SocketChannel channel : dialled) {
            channel.close();
        }
        network.close();
        timers.shutdownNow();
        watchers.shutdownNow();
    }

    @Test
    void hostDialsWithTheTokenFromItsSpecAndTheTokenIsThenVoid() throws Exception {
        network = NetworkTransport.open(
                Map.of(NetworkTransport.ENV_POD_IP, "127.0.0.1", NetworkTransport.ENV_INSTANCE_PORT, "0"),
                Clock.systemUTC(),
                timers);
        PodEngine engine = new PodEngine();
        InstanceStarter starter = new InstanceStarter(
                engine,
                "rt-1",
                Map.of(),
                instances,
                Duration.ofSeconds(20),
                watchers,
                timers,
                new InstanceRemover(engine, watchers),
                Clock.systemUTC(),
                InstanceStarter.Extras.NONE.withNetwork(network));
        FunctionSpec spec = new FunctionSpec(
                "registry.example:5000/fn/greeter@sha256:" + "a".repeat(64),
                "com.example.Greeter",
                Map.of(),
                Settings.DEFAULTS.with(Field.CONCURRENCY, 2));

        Instance instance = starter.start(new Function("greeter", 1, spec, Instant.now(), Instant.now()));

        assertThat(instance.state()).isEqualTo(Instance.State.READY);
        Map<String, String> env = engine.spec.env();
        assertThat(env).doesNotContainKey(Protocol.ENV_SOCKET);
        assertThat(env.get(Protocol.ENV_RUNTIME_ADDRESS)).startsWith("127.0.0.1:");
        assertThat(env.get(Protocol.ENV_INSTANCE_TOKEN)).matches("[0-9a-f]{64}");
        // The same token again, after the instance has its two connections: closed unanswered.
        assertThat(refused(env, 2)).isTrue();
        instance.kill("test over");
    }

    /**
     * Whether the runtime closed the connection without a byte: end of stream, or a reset when
     * it closed with our unread Hello in its buffer.
     */
    private static boolean closedUnanswered(SocketChannel channel) {
        try {
            return channel.read(ByteBuffer.allocate(1)) == -1;
        } catch (IOException reset) {
            return true;
        }
    }

    /**
     * Whether the runtime closed a connection dialled with this token unanswered; it may close as
     * soon as it has read the token, so that sending the Hello after it fails with a broken pipe.
     */
    private boolean refused(Map<String, String> env, int connection) {
        try {
            return closedUnanswered(dial(env, connection));
        } catch (IOException closedWhileWriting) {
            return true;
        }
    }

    private SocketChannel dial(Map<String, String> env, int connection) throws IOException {
        String[] address = env.get(Protocol.ENV_RUNTIME_ADDRESS).split(":");
        SocketChannel channel = SocketChannel.open(new InetSocketAddress(address[0], Integer.parseInt(address[1])));
        dialled.add(channel);
        OutputStream out = Channels.newOutputStream(channel);
        String instanceId = env.get(Protocol.ENV_INSTANCE_ID);
        out.write(TokenPreamble.encode(instanceId, env.get(Protocol.ENV_INSTANCE_TOKEN)));
        FrameCodec.write(new Frame.Hello(instanceId, connection, env.get(Protocol.ENV_HANDLER)), out);
        out.flush();
        return channel;
    }

    /** Plays the pod: its "host" dials twice as soon as the pod is created, and it never stops. */
    private final class PodEngine extends StubEngine {
        volatile InstanceSpec spec;
        private final CountDownLatch never = new CountDownLatch(1);

        @Override
        public String start(InstanceSpec spec) {
            this.spec = spec;
            try {
                dial(spec.env(), 0);
                dial(spec.env(), 1);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return "fn4j-greeter-pod";
        }

        @Override
        public ContainerState awaitStopped(String containerId, Duration timeout) {
            try {
                never.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return new ContainerState(true, 0, false, "");
        }

        @Override
        public ContainerState inspect(String containerId) {
            return new ContainerState(true, 0, false, "");
        }

        @Override
        public boolean sharesHostFiles() {
            return false;
        }
    }
}
