package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shows what a function sees of its process: {@code env NAME} answers the variable's value (or
 * {@code <unset>}), {@code write PATH} tries to create the file and answers {@code written} or the
 * exception's class, and {@code where} answers the directory its classes were loaded from.
 */
public final class EnvProbe implements Handler<String, String> {

    @Override
    public String handle(String input, Context context) throws Exception {
        String[] command = input.strip().split(" ", 2);
        return switch (command[0]) {
            // Both ways a library reads it: the whole map and one variable.
            case "env" ->
                System.getenv().getOrDefault(command[1], "<unset>") + " | "
                        + (System.getenv(command[1]) == null ? "<unset>" : System.getenv(command[1]));
            case "write" -> write(Path.of(command[1]));
            case "where" ->
                EnvProbe.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .getPath();
            default -> throw new IllegalArgumentException("unknown command: " + input);
        };
    }

    private static String write(Path file) {
        try {
            Files.writeString(file, "changed");
            return "written";
        } catch (IOException | RuntimeException e) {
            return e.getClass().getSimpleName();
        }
    }
}
