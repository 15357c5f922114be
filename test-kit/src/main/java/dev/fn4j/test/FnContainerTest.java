package dev.fn4j.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against its function deployed in the fn4j sandbox: test methods take an
 * {@link FnSandbox} parameter, one per class, started before the first test and stopped (its
 * containers removed) after the last. Without a Docker engine the tests are skipped, not failed.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(FnSandboxExtension.class)
public @interface FnContainerTest {

    /** The handler class, fully qualified, as the function's {@code handler} setting. */
    String handler();

    /** The function's name. */
    String name() default "sandbox";

    /** Function settings as {@code name=value}, with the plugin's names: {@code timeout=5s}, {@code memory=256m}. */
    String[] settings() default {};

    /** Config values as {@code NAME=value}, as the plugin's {@code <env>}. */
    String[] env() default {};

    /** A label of your own for the image and every container, as {@code key=value}; empty for none. */
    String containerLabel() default "";
}
