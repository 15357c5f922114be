package dev.fn4j.runtime.it.fns;

import dev.fn4j.api.Context;
import dev.fn4j.api.Handler;
import java.lang.reflect.Field;
import sun.misc.Unsafe;

/**
 * Allocates and touches native memory until the kernel kills the container: the JVM's heap
 * limit does not apply to it, so this is what a real container OOM looks like.
 */
public final class MemoryHog implements Handler<String, String> {
    @Override
    public String handle(String input, Context context) throws Exception {
        Field field = Unsafe.class.getDeclaredField("theUnsafe");
        field.setAccessible(true);
        Unsafe unsafe = (Unsafe) field.get(null);
        long chunk = 16L * 1024 * 1024;
        for (int i = 0; i < 1024; i++) {
            long address = unsafe.allocateMemory(chunk);
            unsafe.setMemory(address, chunk, (byte) 1);
        }
        return "survived";
    }
}
