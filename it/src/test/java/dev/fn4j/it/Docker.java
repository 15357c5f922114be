package dev.fn4j.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The few {@code docker} commands the tests need: which containers are left, removing images. */
final class Docker {

    private Docker() {}

    /** The ids of all containers, running or not, with the label, e.g. {@code dev.fn4j.runtime=ab12}. */
    static List<String> containersLabelled(String label) throws Exception {
        return run("docker", "ps", "-aq", "--filter", "label=" + label)
                .lines()
                .filter(line -> !line.isBlank())
                .toList();
    }

    /** Removes the images, best effort: one that is gone or still used is left alone. */
    static void removeImages(Collection<String> ids) {
        if (ids.isEmpty()) {
            return;
        }
        List<String> command = new ArrayList<>(List.of("docker", "rmi", "-f"));
        command.addAll(ids);
        try {
            run(command.toArray(String[]::new));
        } catch (Exception e) {
            System.out.println("[it] could not remove every image of the tests: " + e.getMessage());
        }
    }

    private static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not finish within 60 s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(
                    String.join(" ", command) + " failed (" + process.exitValue() + "): " + output.strip());
        }
        return output;
    }
}
