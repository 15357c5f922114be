package dev.fn4j.runtime.source.python;

import dev.fn4j.runtime.source.SourceRejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The rules for a Python upload, in one place: which module the handler names, that it defines
 * {@code handle}, and that dependencies listed in requirements.txt come vendored.
 *
 * @param name the module's dotted name, as FN4J_HANDLER carries it (e.g. {@code main})
 * @param file the module's file in the upload
 */
record PythonModule(String name, Path file) {

    /** The handler when the upload names none. */
    static final String DEFAULT = "main";

    /** Folders put on sys.path after the upload's root; docs/languages.md lists them. */
    static final List<String> VENDOR_DIRS = List.of("vendor", "lib");

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)*");
    private static final Pattern DEFINES_HANDLE = Pattern.compile("(?m)^(async\\s+)?def\\s+handle\\s*\\(");

    /**
     * The module the handler names ({@code main} when null; a trailing {@code .py} is allowed) if
     * it exists under {@code root} and defines {@code handle}, else null.
     */
    static PythonModule find(Path root, String handler) throws IOException {
        String name = handler == null
                ? DEFAULT
                : handler.endsWith(".py") ? handler.substring(0, handler.length() - 3) : handler;
        if (!NAME.matcher(name).matches()) {
            return null;
        }
        Path base = root.resolve(name.replace('.', '/'));
        for (Path file : List.of(base.resolveSibling(base.getFileName() + ".py"), base.resolve("__init__.py"))) {
            if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                    && DEFINES_HANDLE
                            .matcher(Files.readString(file, StandardCharsets.UTF_8))
                            .find()) {
                return new PythonModule(name, file);
            }
        }
        return null;
    }

    /** Like {@link #find} but refuses the upload, in the user's terms, when there is no such module. */
    static PythonModule require(Path root, String handler) throws IOException {
        PythonModule module;
        try {
            module = find(root, handler);
        } catch (java.nio.charset.MalformedInputException e) {
            throw new SourceRejectedException("not_utf8", null, "the handler's module is not UTF-8 text");
        }
        if (module == null) {
            String name = handler == null ? DEFAULT : handler;
            throw new SourceRejectedException(
                    "handler_not_found",
                    null,
                    "no Python module " + name + " defining handle(input, context): add " + name.replace('.', '/')
                            + ".py with `def handle(input, context):`, or name your module with the handler parameter");
        }
        return module;
    }

    /**
     * Refuses an upload whose requirements.txt lists packages when it has no vendor/ or lib/
     * folder: the runtime installs nothing (its build has no network), so they must come along.
     */
    static void requireVendored(Path root) throws IOException {
        Path requirements = root.resolve("requirements.txt");
        if (!Files.isRegularFile(requirements, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        boolean listsPackages = Files.readAllLines(requirements, StandardCharsets.ISO_8859_1).stream()
                .map(String::strip)
                .anyMatch(line -> !line.isEmpty() && !line.startsWith("#"));
        boolean vendored = VENDOR_DIRS.stream().anyMatch(dir -> Files.isDirectory(root.resolve(dir)));
        if (listsPackages && !vendored) {
            throw new SourceRejectedException(
                    "dependencies_not_vendored",
                    "requirements.txt",
                    "requirements.txt lists packages but the upload has no vendor/ folder; the runtime installs"
                            + " nothing. Run `pip install -r requirements.txt --target vendor` next to your code"
                            + " and upload the vendor/ folder with it");
        }
    }
}
