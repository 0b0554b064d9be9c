package io.varbind.session;

import java.util.Locale;

/**
 * easysnmp's security level names and Net-SNMP's protocol names, matched case-insensitively
 * (API.md); an unknown one is an {@link IllegalArgumentException}.
 */
public final class SecurityNames {

    private SecurityNames() {
    }

    /** 1 noAuthNoPriv, 2 authNoPriv, 3 authPriv (RFC 3411 securityLevel, as easysnmp numbers them). */
    public static int securityLevel(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        switch (n) {
            case "noauthnopriv", "no_auth_or_privacy":
                return 1;
            case "authnopriv", "auth_without_privacy":
                return 2;
            case "authpriv", "auth_with_privacy":
                return 3;
            default:
                throw new IllegalArgumentException("unknown security level '" + name
                        + "': use noAuthNoPriv, authNoPriv, authPriv, no_auth_or_privacy, auth_without_privacy or auth_with_privacy");
        }
    }

    /** Canonical authentication protocol: MD5 SHA1 SHA224 SHA256 SHA384 SHA512 ({@code DEFAULT} = MD5). */
    public static String authProtocol(String name) {
        String n = squash(name);
        switch (n) {
            case "DEFAULT", "MD5":
                return "MD5";
            case "SHA", "SHA1":
                return "SHA1";
            case "SHA224", "SHA256", "SHA384", "SHA512":
                return n;
            default:
                throw new IllegalArgumentException("unknown authentication protocol '" + name
                        + "': use MD5, SHA, SHA-224, SHA-256, SHA-384 or SHA-512");
        }
    }

    /** Canonical privacy protocol: DES 3DES AES128 AES192 AES256 AES192C AES256C ({@code DEFAULT} = DES). */
    public static String privacyProtocol(String name) {
        String n = squash(name);
        switch (n) {
            case "DEFAULT", "DES":
                return "DES";
            case "3DES", "TRIPLEDES", "3DESEDE":
                return "3DES";
            case "AES", "AES128":
                return "AES128";
            case "AES192", "AES256", "AES192C", "AES256C":
                return n;
            default:
                throw new IllegalArgumentException("unknown privacy protocol '" + name
                        + "': use DES, 3DES, AES, AES192, AES256, AES192C or AES256C");
        }
    }

    private static String squash(String name) {
        return name == null ? "" : name.trim().replace("-", "").replace("_", "").toUpperCase(Locale.ROOT);
    }
}
