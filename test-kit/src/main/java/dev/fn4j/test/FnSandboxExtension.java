package dev.fn4j.test;

import java.util.function.BiConsumer;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link FnContainerTest}: skips the class when no Docker engine answers,
 * and gives its tests one {@link FnSandbox}, closed with the class's extension context.
 */
final class FnSandboxExtension implements ExecutionCondition, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(FnSandboxExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String reason = context.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent("docker", key -> String.valueOf(FnSandbox.unavailableReason()), String.class);
        return reason.equals("null")
                ? ConditionEvaluationResult.enabled("a Docker engine answers")
                : ConditionEvaluationResult.disabled("fn4j sandbox skipped: " + reason);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == FnSandbox.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getTestMethod().isPresent()
                && classContext.getParent().isPresent()) {
            classContext = classContext.getParent().get();
        }
        Class<?> testClass = classContext.getRequiredTestClass();
        return classContext
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(testClass, type -> new Started(start(testClass)), Started.class)
                .sandbox;
    }

    private static FnSandbox start(Class<?> testClass) {
        FnContainerTest test = AnnotationSupport.findAnnotation(testClass, FnContainerTest.class)
                .orElseThrow(() -> new ExtensionConfigurationException(
                        testClass.getName() + " needs @FnContainerTest(handler = ...) to get an FnSandbox"));
        FnSandbox.Builder builder = FnSandbox.builder(test.handler()).functionName(test.name());
        pairs("settings", test.settings(), builder::setting);
        pairs("env", test.env(), builder::env);
        if (!test.containerLabel().isEmpty()) {
            pairs("containerLabel", new String[] {test.containerLabel()}, builder::containerLabel);
        }
        try {
            return builder.start();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the sandbox", e);
        }
    }

    private static void pairs(String attribute, String[] values, BiConsumer<String, String> sink) {
        for (String value : values) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new ExtensionConfigurationException(
                        "@FnContainerTest(" + attribute + ") entry '" + value + "' is not name=value");
            }
            sink.accept(
                    value.substring(0, equals).strip(),
                    value.substring(equals + 1).strip());
        }
    }

    /** A sandbox JUnit closes when the test class's context ends. */
    private static final class Started implements ExtensionContext.Store.CloseableResource {
        final FnSandbox sandbox;

        Started(FnSandbox sandbox) {
            this.sandbox = sandbox;
        }

        @Override
        public void close() throws InterruptedException {
            sandbox.close();
        }
    }
}
