package dev.fn4j.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The set-up the later scenarios share: builds the echo image with fn4j-image, starts the runtime
 * jar until /healthz answers, and uploads the image. Its one-time steps are timed too.
 */
final class EchoSetUp implements Scenario {

    @Override
    public String name() {
        return "build the echo image, start the runtime, upload";
    }

    @Override
    public void run(BenchContext context) throws Exception {
        Options options = context.options();
        Report report = context.report();
        Path classes = EchoImage.classesDir(context.workDir());
        context.classes(classes);
        Path hostJar = Path.of(options.string("host-jar"));
        Bench.log("building " + context.imageName() + " on " + options.string("base-image") + " with " + hostJar);
        long t0 = System.nanoTime();
        Path tar = EchoImage.build(
                options.string("base-image"),
                hostJar,
                classes,
                context.imageName(),
                context.workDir().resolve("echo.tar"));
        report.setup.put("build the echo image (fn4j-image, tar)", System.nanoTime() - t0);

        Bench.log("starting the runtime from " + options.string("runtime-jar"));
        t0 = System.nanoTime();
        RuntimeUnderTest runtime = RuntimeUnderTest.start(
                Path.of(options.string("runtime-jar")),
                context.workDir(),
                options.list("runtime-jvm-args"),
                options.flag("runtime-control-port"));
        context.runtime(runtime);
        report.setup.put("start the runtime jar until /healthz answers 200", System.nanoTime() - t0);

        RuntimeUnderTest.Reply upload = runtime.uploadImage(tar);
        if (upload.status() != 201) {
            throw new IOException("upload answered " + upload.status() + ": " + upload.body());
        }
        String imageId = upload.json().path("id").asText();
        context.imageId(imageId);
        report.setup.put("upload the image (POST /v1/images, " + Files.size(tar) / 1024 + " KiB)", upload.nanos());
        Bench.log("uploaded " + imageId);
    }
}
