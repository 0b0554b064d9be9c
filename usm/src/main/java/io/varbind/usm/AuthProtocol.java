package io.varbind.usm;

import java.util.Locale;

/**
 * USM authentication protocols: HMAC-MD5-96 and HMAC-SHA-96 (RFC 3414 sections 6 and 7) and
 * RFC 7860's HMAC-SHA-2 family, with their hash, key length and truncated MAC length.
 */
public enum AuthProtocol {
    NONE(null, null, 0, 0),
    MD5("MD5", "HmacMD5", 16, 12),
    SHA1("SHA-1", "HmacSHA1", 20, 12),
    SHA224("SHA-224", "HmacSHA224", 28, 16),
    SHA256("SHA-256", "HmacSHA256", 32, 24),
    SHA384("SHA-384", "HmacSHA384", 48, 32),
    SHA512("SHA-512", "HmacSHA512", 64, 48);

    private final String digest;
    private final String mac;
    private final int keyLength;
    private final int macLength;

    AuthProtocol(String digest, String mac, int keyLength, int macLength) {
        this.digest = digest;
        this.mac = mac;
        this.keyLength = keyLength;
        this.macLength = macLength;
    }

    /** The JDK MessageDigest name. */
    public String digestAlgorithm() {
        return digest;
    }

    /** The JDK Mac name. */
    public String macAlgorithm() {
        return mac;
    }

    /** The hash's output length: the localized key's length. */
    public int keyLength() {
        return keyLength;
    }

    /** The digest's block size, to which HMAC pads the key (RFC 2104 section 2). */
    public int hmacBlockSize() {
        return this == SHA384 || this == SHA512 ? 128 : 64;
    }

    /** Octets of msgAuthenticationParameters: the truncated HMAC (12, 12, 16, 24, 32, 48). */
    public int macLength() {
        return macLength;
    }

    /**
     * Net-SNMP's and easysnmp's names, case-insensitive, dashes optional: {@code MD5}, {@code SHA}
     * (= SHA-1), {@code SHA1}, {@code SHA-224} ... {@code SHA-512}, {@code DEFAULT} (= MD5), {@code NONE}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static AuthProtocol parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (n) {
            case "":
            case "NONE":
            case "NOAUTH":
                return NONE;
            case "DEFAULT":
            case "MD5":
            case "HMACMD5":
                return MD5;
            case "SHA":
            case "SHA1":
            case "HMACSHA":
                return SHA1;
            case "SHA224":
                return SHA224;
            case "SHA256":
                return SHA256;
            case "SHA384":
                return SHA384;
            case "SHA512":
                return SHA512;
            default:
                throw new IllegalArgumentException("unknown authentication protocol '" + name
                        + "': use MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512");
        }
    }
}
