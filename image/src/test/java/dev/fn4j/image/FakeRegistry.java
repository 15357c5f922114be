package dev.fn4j.image;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * An HTTPS registry on loopback that answers every manifest request with one fixed error, so
 * the error mapping can be checked against Jib's real registry client.
 */
final class FakeRegistry implements AutoCloseable {

    static final char[] PASSWORD = "changeit".toCharArray();

    private final HttpsServer server;

    private FakeRegistry(HttpsServer server) {
        this.server = server;
    }

    /**
     * Starts a registry answering manifest requests with {@code status} and {@code errorJson};
     * {@code keyStore} holds its key, made by {@link #makeKeys}.
     */
    static FakeRegistry start(Path keyStore, int status, String errorJson, String authenticate) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keyStore.toFile())) {
            keys.load(in, PASSWORD);
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, PASSWORD);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keyManagers.getKeyManagers(), null, null);
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/", exchange -> {
            byte[] body = exchange.getRequestURI().getPath().equals("/v2/")
                    ? "{}".getBytes(StandardCharsets.UTF_8)
                    : errorJson.getBytes(StandardCharsets.UTF_8);
            int code = exchange.getRequestURI().getPath().equals("/v2/") ? 200 : status;
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("Docker-Distribution-API-Version", "registry/2.0");
            if (authenticate != null) {
                exchange.getResponseHeaders().add("WWW-Authenticate", authenticate);
            }
            exchange.sendResponseHeaders(code, exchange.getRequestMethod().equals("HEAD") ? -1 : body.length);
            if (!exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
        return new FakeRegistry(server);
    }

    /** The registry's host:port, as used in an image reference. */
    String address() {
        return "localhost:" + server.getAddress().getPort();
    }

    /**
     * Makes a self-signed key for localhost in {@code dir}/registry.p12 and a trust store
     * {@code dir}/trust.p12 holding its certificate; returns the key store.
     */
    static Path makeKeys(Path dir) throws Exception {
        Path keyStore = dir.resolve("registry.p12");
        Path cert = dir.resolve("registry.crt");
        Path trustStore = dir.resolve("trust.p12");
        String password = new String(PASSWORD);
        keytool(
                "-genkeypair",
                "-alias",
                "registry",
                "-keyalg",
                "EC",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-validity",
                "2",
                "-storetype",
                "PKCS12",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                password);
        keytool(
                "-exportcert",
                "-alias",
                "registry",
                "-keystore",
                keyStore.toString(),
                "-storepass",
                password,
                "-file",
                cert.toString());
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "registry",
                "-file",
                cert.toString(),
                "-storetype",
                "PKCS12",
                "-keystore",
                trustStore.toString(),
                "-storepass",
                password);
        return keyStore;
    }

    private static void keytool(String... arguments) throws IOException, InterruptedException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        List<String> command = new java.util.ArrayList<>(List.of(keytool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + output);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
