package io.varbind.codec;

/**
 * The one error every malformed input raises: what was wrong and the byte offset (absolute, in
 * the buffer given to the decoder) where the decoder found it.
 */
public final class BerDecodeException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;

    public BerDecodeException(String what, int offset) {
        super(what + " at byte " + offset);
        this.offset = offset;
    }

    /** Absolute offset in the decoded buffer of the element that was wrong. */
    public int offset() {
        return offset;
    }
}
