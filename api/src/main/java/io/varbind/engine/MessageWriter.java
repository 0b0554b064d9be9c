package io.varbind.engine;

/**
 * Writes one outgoing message that expects no answer (a trap) into a buffer, given the message id
 * the engine chose for it (always positive).
 */
@FunctionalInterface
public interface MessageWriter {

    /** Writes the message at {@code out[off]} and returns its length. */
    int write(byte[] out, int off, int messageId);
}
