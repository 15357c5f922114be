package dev.fn4j.host;

/** The host's process exit codes, as docs/protocol.md lists them; the runtime reports them. */
final class Exit {

    /** Every connection was closed by the runtime. */
    static final int CLEAN = 0;
    /** The socket could not be connected, or a connection failed with an I/O or protocol error. */
    static final int CONNECTION_FAILED = 1;
    /** The environment is invalid or the handler class cannot be loaded and instantiated. */
    static final int BAD_HANDLER = 2;
    /** The JVM ran out of memory; the instance must not be reused. */
    static final int OUT_OF_MEMORY = 3;
    /** The JVM failed otherwise (a VirtualMachineError such as InternalError). */
    static final int VM_ERROR = 4;

    private Exit() {}

    /** The exit code for a fatal JVM error: {@link #OUT_OF_MEMORY} or {@link #VM_ERROR}. */
    static int forFatal(VirtualMachineError error) {
        return error instanceof OutOfMemoryError ? OUT_OF_MEMORY : VM_ERROR;
    }

    /**
     * Whether a throwable means the JVM can no longer be trusted: every VirtualMachineError except
     * StackOverflowError, whose stack has unwound by the time it is caught.
     */
    static boolean isFatal(Throwable error) {
        return error instanceof VirtualMachineError && !(error instanceof StackOverflowError);
    }

    /**
     * Stops the JVM at once, without shutdown hooks, which may need memory there is none of; the
     * output still waiting to reach stdout and stderr is passed on first.
     */
    static void halt(int code) {
        BatchedOutput.drainAll();
        Runtime.getRuntime().halt(code);
    }
}
