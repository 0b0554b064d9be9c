package io.varbind.cli;

/**
 * SIGINT and SIGTERM as a request to stop cleanly with exit status 0: the action runs once, then the
 * process exits 0 (a JVM ended by a signal would otherwise exit 130 or 143).
 */
final class StopSignals {
    private StopSignals() {
    }

    static void onStop(Runnable action) {
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        sun.misc.SignalHandler h = sig -> {
            if (done.compareAndSet(false, true)) {
                action.run();
                System.exit(Main.EXIT_OK);
            }
        };
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                sun.misc.Signal.handle(new sun.misc.Signal(name), h);
            } catch (IllegalArgumentException unsupported) {
                // no such signal here: the default handling stays
            }
        }
    }
}
