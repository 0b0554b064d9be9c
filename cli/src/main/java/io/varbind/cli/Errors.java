package io.varbind.cli;

/** Turns an exception into the one stderr line and the exit status of CLI.md. */
final class Errors {

    private Errors() {
    }

    static String describe(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        if (t instanceof io.varbind.SnmpTimeoutException && t.getCause() instanceof io.varbind.SnmpTimeoutException e) {
            // a Session's blocking call words a timeout as easysnmp does; the line names the engine's
            // cause instead (target, tries and timeout, as snmpget's "Timeout: No Response from")
            t = e;
        }
        String msg = t.getMessage();
        return msg == null || msg.isBlank() ? t.getClass().getSimpleName() : msg;
    }

    static int exitCode(Throwable ex) {
        return ex instanceof UsageException ? Main.EXIT_USAGE : Main.EXIT_ERROR;
    }
}
