package dev.fn4j.image;

import dev.fn4j.protocol.ImageLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Everything needed to build one function image; immutable, validated when built.
 */
public final class ImageBuildRequest {

    /** Labels the builder owns; a request may not override them. */
    private static final List<String> RESERVED_LABELS =
            List.of(ImageLayout.LABEL_HANDLERS, ImageLayout.LABEL_API_VERSION, ImageLayout.LABEL_HOST_DIGEST);

    private final BaseImage baseImage;
    /** An existing regular file. */
    private final Path hostJar;
    /** An existing directory. */
    private final Path classesDir;
    /** Null when the project has no resources (the layer is then left out). */
    private final Path resourcesDir;
    /** Existing regular files, duplicates removed, in the caller's order. */
    private final List<Path> dependencies;

    private final List<String> handlers;
    /** Sorted by key; never contains a reserved key. */
    private final Map<String, String> labels;

    private final ImageOutput output;
    private final Instant creationTime;
    /** Null means the default under the user's home. */
    private final Path cacheDir;

    private final Consumer<String> logger;

    private ImageBuildRequest(Builder b) {
        this.baseImage = Objects.requireNonNull(b.baseImage, "baseImage");
        this.hostJar = requireFile("hostJar", b.hostJar);
        this.classesDir = requireDirectory("classesDir", b.classesDir);
        this.resourcesDir = b.resourcesDir != null && Files.isDirectory(b.resourcesDir) ? b.resourcesDir : null;
        List<Path> deps = new ArrayList<>();
        for (Path dependency : b.dependencies) {
            Path file = requireFile("dependencies", dependency);
            if (!deps.contains(file)) {
                deps.add(file);
            }
        }
        this.dependencies = List.copyOf(deps);
        for (String handler : b.handlers) {
            if (handler == null || handler.isBlank() || handler.contains(",")) {
                throw new IllegalArgumentException("invalid handler class name '" + handler + "' in handlers "
                        + b.handlers + "; expected a fully qualified class name");
            }
        }
        this.handlers = List.copyOf(b.handlers);
        for (Map.Entry<String, String> label : b.labels.entrySet()) {
            if (label.getKey() == null || label.getKey().isBlank() || label.getValue() == null) {
                throw new IllegalArgumentException("invalid label '" + label.getKey() + "'='" + label.getValue()
                        + "'; labels need a non-blank key and a value");
            }
            if (RESERVED_LABELS.contains(label.getKey())) {
                throw new IllegalArgumentException("label '" + label.getKey()
                        + "' is set by the builder and cannot be given; reserved labels: " + RESERVED_LABELS);
            }
        }
        // Sorted: Map.copyOf's order changes between JVM runs, and label order is part of the digest.
        this.labels = Collections.unmodifiableMap(new TreeMap<>(b.labels));
        this.output = Objects.requireNonNull(b.output, "output");
        this.creationTime = Objects.requireNonNull(b.creationTime, "creationTime");
        this.cacheDir = b.cacheDir;
        this.logger = b.logger;
    }

    private static Path requireFile(String field, Path path) {
        if (path == null || !Files.isRegularFile(path)) {
            throw new IllegalArgumentException(field + ": no such file: " + path);
        }
        return path;
    }

    private static Path requireDirectory(String field, Path path) {
        if (path == null || !Files.isDirectory(path)) {
            throw new IllegalArgumentException(
                    field + ": no such directory: " + path + (path == null ? "" : " (compile the project first)"));
        }
        return path;
    }

    public static Builder builder() {
        return new Builder();
    }

    public BaseImage baseImage() {
        return baseImage;
    }

    public Path hostJar() {
        return hostJar;
    }

    public Path classesDir() {
        return classesDir;
    }
    /** The resources directory, empty when there is none. */
    public Optional<Path> resourcesDir() {
        return Optional.ofNullable(resourcesDir);
    }

    public List<Path> dependencies() {
        return dependencies;
    }

    public List<String> handlers() {
        return handlers;
    }

    public Map<String, String> labels() {
        return labels;
    }

    public ImageOutput output() {
        return output;
    }

    public Instant creationTime() {
        return creationTime;
    }
    /** Jib's layer cache directory, empty for the default ({@code ~/.cache/fn4j/jib}). */
    public Optional<Path> cacheDir() {
        return Optional.ofNullable(cacheDir);
    }
    /** Where progress messages go, empty to drop them. */
    public Optional<Consumer<String>> logger() {
        return Optional.ofNullable(logger);
    }

    /** Collects the request's parts; {@link #build()} checks them. */
    public static final class Builder {
        private BaseImage baseImage = BaseImage.parse(BaseImage.DEFAULT);
        private Path hostJar;
        private Path classesDir;
        private Path resourcesDir;
        private List<Path> dependencies = List.of();
        private List<String> handlers = List.of();
        private Map<String, String> labels = Map.of();
        private ImageOutput output;
        private Instant creationTime = Instant.EPOCH;
        private Path cacheDir;
        private Consumer<String> logger;

        private Builder() {}

        /** The base image; defaults to {@link BaseImage#DEFAULT}. */
        public Builder baseImage(BaseImage baseImage) {
            this.baseImage = baseImage;
            return this;
        }
        /** The shaded fn4j-host jar. */
        public Builder hostJar(Path hostJar) {
            this.hostJar = hostJar;
            return this;
        }
        /** The compiled classes, for example target/classes. */
        public Builder classesDir(Path classesDir) {
            this.classesDir = classesDir;
            return this;
        }
        /** The resources; null or a missing directory leaves the resources layer out. */
        public Builder resourcesDir(Path resourcesDir) {
            this.resourcesDir = resourcesDir;
            return this;
        }

        /**
         * The runtime dependency jars. Names containing {@code -SNAPSHOT} go to their own layer;
         * {@code fn4j-api-*} jars are left out because the host jar carries fn4j-api.
         */
        public Builder dependencies(List<Path> dependencies) {
            this.dependencies = new ArrayList<>(Objects.requireNonNull(dependencies, "dependencies"));
            return this;
        }

        /** The handler class names, written to the {@code dev.fn4j.handlers} label. */
        public Builder handlers(List<String> handlers) {
            this.handlers = new ArrayList<>(Objects.requireNonNull(handlers, "handlers"));
            return this;
        }

        /** Extra image labels. */
        public Builder labels(Map<String, String> labels) {
            this.labels = new LinkedHashMap<>(Objects.requireNonNull(labels, "labels"));
            return this;
        }

        public Builder output(ImageOutput output) {
            this.output = output;
            return this;
        }
        /** The image's creation time; the default, the epoch, keeps builds reproducible. */
        public Builder creationTime(Instant creationTime) {
            this.creationTime = creationTime;
            return this;
        }
        /** Jib's layer cache; optional. */
        public Builder cacheDir(Path cacheDir) {
            this.cacheDir = cacheDir;
            return this;
        }
        /** Receives Jib's progress and warning messages; optional. */
        public Builder logger(Consumer<String> logger) {
            this.logger = logger;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the field and value when an input is missing
         *         or invalid
         * @throws NullPointerException when baseImage, output or creationTime is null
         */
        public ImageBuildRequest build() {
            return new ImageBuildRequest(this);
        }
    }
}
