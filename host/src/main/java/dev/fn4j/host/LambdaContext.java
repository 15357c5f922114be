package dev.fn4j.host;

import dev.fn4j.api.Context;
import dev.fn4j.api.Logger;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Makes AWS Lambda's {@code Context} and {@code LambdaLogger} for one call out of fn4j's
 * {@link Context}: request id, function name, remaining time and logger are the call's; what
 * fn4j has no notion of (identity, client context) is null, the version {@code $LATEST}.
 */
final class LambdaContext {

    static final String CONTEXT = "com.amazonaws.services.lambda.runtime.Context";
    static final String LOGGER = "com.amazonaws.services.lambda.runtime.LambdaLogger";

    /** Lambda's own default version name, which code sometimes compares against. */
    static final String VERSION = "$LATEST";

    /** The container's memory limit in MiB, read once; 0 when the host cannot tell. */
    private static volatile int memoryLimitMb = -1;

    private final Class<?> contextType;
    private final Class<?> loggerType;

    /** @param loader the function's loader, which has aws-lambda-java-core */
    LambdaContext(ClassLoader loader) {
        this.contextType = ForeignApi.type(loader, CONTEXT);
        this.loggerType = ForeignApi.type(loader, LOGGER);
    }

    /** The Lambda Context of the call fn4j's context describes. */
    Object of(Context context) {
        Object logger = ForeignApi.proxy(loggerType, new LoggerAnswers(context.logger()));
        return ForeignApi.proxy(contextType, new ForeignApi.Answers() {
            @Override
            Object answer(String name, Object[] arguments) {
                return switch (name) {
                    case "getAwsRequestId" -> context.requestId();
                    case "getFunctionName" -> context.functionName();
                    case "getFunctionVersion" -> VERSION;
                    case "getInvokedFunctionArn" -> arn(context.functionName());
                    case "getLogGroupName" -> "/fn4j/" + context.functionName();
                    case "getLogStreamName" -> context.functionName();
                    case "getRemainingTimeInMillis" ->
                        (int) Math.min(
                                Integer.MAX_VALUE, context.remainingTime().toMillis());
                    case "getMemoryLimitInMB" -> memoryLimitMb();
                    case "getLogger" -> logger;
                    case "getIdentity", "getClientContext" -> null;
                    default -> UNKNOWN;
                };
            }
        });
    }

    /** An ARN-shaped name, so code that splits the ARN on ':' finds the function's name last. */
    static String arn(String functionName) {
        return "arn:fn4j:lambda:local:000000000000:function:" + functionName;
    }

    /** Lambda's log(String) and log(byte[]) as info lines; a level from the newer API picks the line's. */
    private static final class LoggerAnswers extends ForeignApi.Answers {
        private final Logger logger;

        LoggerAnswers(Logger logger) {
            this.logger = logger;
        }

        @Override
        Object answer(String name, Object[] arguments) {
            if (!name.equals("log") || arguments.length == 0) {
                return UNKNOWN;
            }
            Object message = arguments[0];
            String text = message instanceof byte[] bytes
                    ? new String(bytes, StandardCharsets.UTF_8)
                    : String.valueOf(message);
            // Lambda code ends its messages with a line break itself; fn4j's logger adds one.
            if (text.endsWith("\n")) {
                text = text.substring(0, text.length() - 1);
            }
            String level = arguments.length > 1 && arguments[1] instanceof Enum<?> e ? e.name() : "INFO";
            switch (level) {
                case "ERROR", "FATAL" -> logger.error(text, null);
                case "WARN" -> logger.warn(text);
                default -> logger.info(text);
            }
            return null;
        }
    }

    /** The cgroup memory limit of the container, in MiB; else the JVM's maximum heap. */
    static int memoryLimitMb() {
        int known = memoryLimitMb;
        if (known < 0) {
            known = readMemoryLimitMb();
            memoryLimitMb = known;
        }
        return known;
    }

    private static int readMemoryLimitMb() {
        for (String file : new String[] {"/sys/fs/cgroup/memory.max", "/sys/fs/cgroup/memory/memory.limit_in_bytes"}) {
            try {
                String text = Files.readString(Path.of(file)).strip();
                long bytes = Long.parseLong(text);
                // cgroup v1 says "no limit" with a huge number.
                if (bytes > 0 && bytes < (1L << 50)) {
                    return (int) (bytes / (1024 * 1024));
                }
            } catch (IOException | NumberFormatException | SecurityException e) {
                // "max", or not this cgroup version: try the next.
            }
        }
        return (int) Math.min(Integer.MAX_VALUE, Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }
}
