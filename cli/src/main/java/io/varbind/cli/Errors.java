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

    /** The stderr text for what a command threw: {@code varbind: CAUSE}, or Net-SNMP's own line as it is. */
    static String line(Throwable ex) {
        Throwable t = ex;
        while (t.getCause() != null && (t instanceof java.util.concurrent.CompletionException
                || t instanceof java.util.concurrent.ExecutionException)) {
            t = t.getCause();
        }
        boolean verbatim = t instanceof CliException c && c.isVerbatim() || t instanceof UsageException u && u.isVerbatim();
        return verbatim ? t.getMessage() : "varbind: " + describe(ex);
    }

    /** Net-SNMP's reason text for an error status (snmp_errstring): the SNMPv1 ones in its own words. */
    static String reason(int status) {
        return switch (status) {
            case 1 -> "(tooBig) Response message would have been too large.";
            case 2 -> "(noSuchName) There is no such variable name in this MIB.";
            case 3 -> "(badValue) The value given has the wrong type or length.";
            case 4 -> "(readOnly) The two parties used do not have access to use the specified SNMP PDU.";
            case 5 -> "(genError) A general failure occured";
            default -> io.varbind.session.ErrorStatus.text(status);
        };
    }

    static int exitCode(Throwable ex) {
        return ex instanceof UsageException ? Main.EXIT_USAGE : Main.EXIT_ERROR;
    }
}
