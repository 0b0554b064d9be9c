package io.varbind.usm;

/**
 * A USM failure, named by the RFC 3414 section 5 counter that counts it ({@code usmStatsWrongDigests},
 * {@code usmStatsNotInTimeWindows}, ...), or {@code snmpInvalidMsgs}/{@code keyDerivation} for
 * the failures outside those counters. The message never holds a key or a password.
 */
public final class UsmException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String counter;

    public UsmException(String counter, String message) {
        super(counter + ": " + message);
        this.counter = counter;
    }

    public UsmException(String counter, String message, Throwable cause) {
        super(counter + ": " + message, cause);
        this.counter = counter;
    }

    /** The counter's name, e.g. {@code usmStatsWrongDigests}. */
    public String counter() {
        return counter;
    }
}
