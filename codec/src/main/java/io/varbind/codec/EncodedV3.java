package io.varbind.codec;

/**
 * Where {@link SnmpMessageEncoder#encodeV3} put a message: {@code length} octets from the
 * caller's offset, and the absolute offset of the msgAuthenticationParameters octets (the
 * placeholder USM overwrites with the digest), -1 when they are empty.
 */
public record EncodedV3(int length, int authParametersOffset) {
}
