package dev.fn4j.runtime.source.go;

import dev.fn4j.runtime.source.SourceRejectedException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules for a Go upload, in one place: the package at the upload's root defines
 * {@code func Handle(}, is not {@code package main}, and its module's requirements come vendored.
 *
 * @param name the package's name (the function's handler)
 * @param module the module path from go.mod, or null when the upload has none
 */
record GoPackage(String name, String module) {

    /** The module path the runtime gives an upload without go.mod. */
    static final String DEFAULT_MODULE = "function";

    private static final Pattern PACKAGE = Pattern.compile("(?m)^package\\s+([A-Za-z_][A-Za-z0-9_]*)");
    private static final Pattern HANDLE = Pattern.compile("(?m)^func\\s+Handle\\s*\\(");
    private static final Pattern MODULE = Pattern.compile("(?m)^module\\s+\"?([^\"\\s]+)\"?");
    private static final Pattern REQUIRES = Pattern.compile("(?m)^require\\b");

    /** The package at {@code root} if one of its .go files (not a test) defines Handle, else null. */
    static GoPackage find(Path root, String handler) throws IOException {
        for (Path file : dev.fn4j.runtime.source.polyglot.SourceTree.files(root, ".go")) {
            if (file.getFileName().toString().endsWith("_test.go")) {
                continue;
            }
            String text = Files.readString(file, StandardCharsets.ISO_8859_1);
            Matcher pkg = PACKAGE.matcher(text);
            if (HANDLE.matcher(text).find() && pkg.find() && (handler == null || handler.equals(pkg.group(1)))) {
                return new GoPackage(pkg.group(1), module(root));
            }
        }
        return null;
    }

    /** Like {@link #find} but refuses the upload, in the user's terms, when it cannot be linked. */
    static GoPackage require(Path root, String handler) throws IOException {
        GoPackage found = find(root, handler);
        if (found == null) {
            throw new SourceRejectedException(
                    "handler_not_found",
                    null,
                    "no Go package " + (handler == null ? "" : handler + " ")
                            + "at the top of the upload defines `func Handle(ctx context.Context, input T) (R, error)`");
        }
        if (found.name.equals("main")) {
            throw new SourceRejectedException(
                    "compile_error",
                    null,
                    "package main cannot be linked with the fn4j Go host: name the package of Handle"
                            + " anything else, for example `package function`, and leave out func main");
        }
        if (found.module != null
                && REQUIRES.matcher(Files.readString(root.resolve("go.mod"))).find()
                && !Files.isRegularFile(root.resolve("vendor/modules.txt"))) {
            throw new SourceRejectedException(
                    "dependencies_not_vendored",
                    "go.mod",
                    "go.mod requires modules but the upload has no vendor/ folder; the build has no network."
                            + " Run `go mod vendor` and upload the vendor/ folder with your code");
        }
        return found;
    }

    /** The import path the host's main package imports the function by. */
    String importPath() {
        return module == null ? DEFAULT_MODULE : module;
    }

    private static String module(Path root) throws IOException {
        Path goMod = root.resolve("go.mod");
        if (!Files.isRegularFile(goMod)) {
            return null;
        }
        Matcher m = MODULE.matcher(Files.readString(goMod, StandardCharsets.ISO_8859_1));
        if (!m.find()) {
            throw new SourceRejectedException("compile_error", "go.mod", "go.mod has no module line");
        }
        return m.group(1);
    }
}
