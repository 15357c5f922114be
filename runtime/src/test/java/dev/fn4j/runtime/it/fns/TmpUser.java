package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Uses java.io.tmpdir the way libraries do: {@code create} makes a temp file and answers its
 * name and owner's uid, {@code exists <name>} answers whether this instance sees that file, and
 * {@code fill <MiB>} writes that much, failing as the disk-full IOException a full /tmp gives.
 */
public final class TmpUser implements Handler<String, String> {

    private static final int MIB = 1024 * 1024;

    @Override
    public String handle(String input, Context context) throws IOException {
        String[] command = input.strip().split(" ", 2);
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        switch (command[0]) {
            case "create" -> {
                Path file = Files.createTempFile("fn4j-", ".txt");
                Files.writeString(file, "written by " + context.requestId());
                return file.getFileName() + " uid=" + Files.getAttribute(file, "unix:uid") + " in " + file.getParent();
            }
            case "exists" -> {
                return Boolean.toString(Files.exists(tmp.resolve(command[1])));
            }
            case "fill" -> {
                return fill(Integer.parseInt(command[1]));
            }
            default -> throw new IllegalArgumentException("unknown command: " + input);
        }
    }

    private static String fill(int mebibytes) throws IOException {
        Path file = Files.createTempFile("fill-", ".bin");
        byte[] chunk = new byte[MIB];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mebibytes; i++) {
                out.write(chunk);
            }
            out.flush();
        } finally {
            // Frees /tmp either way, so the next call on this instance starts empty.
            Files.delete(file);
        }
        return "wrote " + mebibytes + " MiB";
    }
}
