package dev.fn4j.host;

/**
 * The default uncaught exception handler: a fatal JVM error in any thread, the function's own
 * included, halts the process (3 for OutOfMemoryError); anything else is printed as the JVM would.
 */
final class FatalErrorHandler implements Thread.UncaughtExceptionHandler {

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        if (Exit.isFatal(error)) {
            try {
                System.err.println("fn4j-host: fatal " + error + " in thread " + thread.getName() + "; halting");
            } finally {
                Exit.halt(Exit.forFatal((VirtualMachineError) error));
            }
        }
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        error.printStackTrace(System.err);
    }
}
