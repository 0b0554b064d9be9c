package io.varbind.usm;

import java.util.Locale;

/**
 * USM privacy protocols: CBC-DES (RFC 3414 section 8), 3DES-EDE (draft-reeder-snmpv3-usm-3desede),
 * CFB128-AES-128 (RFC 3826), and AES-192/256 with the Blumenthal key extension
 * (draft-blumenthal-aes-usm; Net-SNMP's {@code AES-192}/{@code AES-256}) or the Reeder one
 * (Cisco's; Net-SNMP's {@code AES-192-C}/{@code AES-256-C}).
 */
public enum PrivProtocol {
    NONE(0, false),
    DES(16, true),
    TRIPLE_DES(32, true),
    AES128(16, false),
    AES192(24, false),
    AES256(32, false),
    AES192C(24, true),
    AES256C(32, true);

    private final int keyLength;
    private final boolean reederExtension;

    PrivProtocol(int keyLength, boolean reederExtension) {
        this.keyLength = keyLength;
        this.reederExtension = reederExtension;
    }

    /** Octets of privacy key material the protocol needs (DES and 3DES include the 8-octet pre-IV). */
    public int keyLength() {
        return keyLength;
    }

    /** Whether a key shorter than {@link #keyLength()} is extended the Reeder way (else Blumenthal). */
    public boolean reederExtension() {
        return reederExtension;
    }

    public boolean isAes() {
        return this == AES128 || this == AES192 || this == AES256 || this == AES192C || this == AES256C;
    }

    /**
     * Net-SNMP's and easysnmp's names, case-insensitive, dashes optional: {@code DES}, {@code 3DES},
     * {@code AES} (= AES-128), {@code AES-192}, {@code AES-256}, {@code AES-192-C}, {@code AES-256-C},
     * {@code DEFAULT} (= DES), {@code NONE}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static PrivProtocol parse(String name) {
        String n = name == null ? "" : name.trim().toUpperCase(Locale.ROOT).replace("-", "").replace("_", "");
        switch (n) {
            case "":
            case "NONE":
            case "NOPRIV":
                return NONE;
            case "DEFAULT":
            case "DES":
                return DES;
            case "3DES":
            case "3DESEDE":
            case "DESEDE":
            case "TRIPLEDES":
                return TRIPLE_DES;
            case "AES":
            case "AES128":
                return AES128;
            case "AES192":
                return AES192;
            case "AES256":
                return AES256;
            case "AES192C":
                return AES192C;
            case "AES256C":
                return AES256C;
            default:
                throw new IllegalArgumentException("unknown privacy protocol '" + name
                        + "': use DES, 3DES, AES, AES-192, AES-256, AES-192-C or AES-256-C");
        }
    }
}
