package io.varbind.codec;

/** Encoding failed: the output buffer is too small, or a value cannot be represented in BER. */
public final class BerEncodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public BerEncodeException(String message) {
        super(message);
    }
}
