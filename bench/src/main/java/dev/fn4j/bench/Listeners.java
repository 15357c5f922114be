package dev.fn4j.bench;

import io.undertow.Undertow;
import java.net.InetSocketAddress;

/** What the bench's own Undertow servers share: the port a started server bound. */
final class Listeners {

    private Listeners() {}

    /** The port of {@code server}'s first listener, which the bench binds to port 0. */
    static int port(Undertow server) {
        return ((InetSocketAddress) server.getListenerInfo().get(0).getAddress()).getPort();
    }
}
