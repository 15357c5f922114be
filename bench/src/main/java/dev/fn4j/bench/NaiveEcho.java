package dev.fn4j.bench;

import java.io.IOException;

/**
 * {@link Echo} as a program for the naive design: one JVM per call, the body on stdin, the answer
 * on stdout. Run by {@link NaiveDockerServer} inside {@code docker run}; depends on the JDK alone.
 */
public final class NaiveEcho {

    private NaiveEcho() {}

    public static void main(String[] args) throws IOException {
        System.out.write(System.in.readAllBytes());
        System.out.flush();
    }
}
