package io.varbind.usm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A user's security at one authoritative engine: the name, the protocols and the keys localized
 * to that engine's id. Passwords are not kept; {@link #destroy()} zeroes the keys.
 */
public final class UsmUser {
    private final byte[] name;
    private final AuthProtocol auth;
    private final PrivProtocol priv;
    private final byte[] authKey;
    private final byte[] privKey;
    private volatile boolean destroyed;

    public UsmUser(byte[] name, AuthProtocol auth, byte[] authKey, PrivProtocol priv, byte[] privKey) {
        if (auth == AuthProtocol.NONE && priv != PrivProtocol.NONE) {
            throw new IllegalArgumentException("privacy needs authentication (there is no noAuthPriv level)");
        }
        this.name = name.clone();
        this.auth = auth;
        this.priv = priv;
        this.authKey = authKey == null ? new byte[0] : authKey.clone();
        this.privKey = privKey == null ? new byte[0] : privKey.clone();
    }

    /** Derives the user's keys for {@code engineId} from the pass phrases (through the cache). */
    public static UsmUser localized(String name, AuthProtocol auth, String authPassword, PrivProtocol priv,
            String privPassword, byte[] engineId) {
        byte[] ak = auth == AuthProtocol.NONE ? null : LocalizedKeyCache.authKey(auth, authPassword, engineId);
        byte[] pk = priv == PrivProtocol.NONE ? null : LocalizedKeyCache.privKey(auth, priv, privPassword, engineId);
        try {
            return new UsmUser(name.getBytes(StandardCharsets.UTF_8), auth, ak, priv, pk);
        } finally {
            if (ak != null) {
                Arrays.fill(ak, (byte) 0);
            }
            if (pk != null) {
                Arrays.fill(pk, (byte) 0);
            }
        }
    }

    public byte[] name() {
        return name.clone();
    }

    byte[] nameRaw() {
        return name;
    }

    public AuthProtocol auth() {
        return auth;
    }

    public PrivProtocol priv() {
        return priv;
    }

    byte[] authKey() {
        check();
        return authKey;
    }

    byte[] privKey() {
        check();
        return privKey;
    }

    private void check() {
        if (destroyed) {
            throw new IllegalStateException("the user's keys were destroyed");
        }
    }

    /** msgFlags security bits of this user's level: 0, 1 (auth) or 3 (auth and priv). */
    public int securityFlags() {
        return (auth != AuthProtocol.NONE ? 1 : 0) | (priv != PrivProtocol.NONE ? 2 : 0);
    }

    /** Zeroes the keys; the user cannot be used afterwards. */
    public void destroy() {
        destroyed = true;
        Arrays.fill(authKey, (byte) 0);
        Arrays.fill(privKey, (byte) 0);
    }

    @Override
    public String toString() {
        return "UsmUser[" + new String(name, StandardCharsets.UTF_8) + ", " + auth + ", " + priv + "]";
    }
}
