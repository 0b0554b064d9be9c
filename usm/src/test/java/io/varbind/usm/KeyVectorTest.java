package io.varbind.usm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Key derivation against RFC 3414 A.3 and against the vectors of {@code shared/interop}
 * (key-vectors.tsv: every user of the interop agent; key-vectors-maplesyrup.tsv: RFC 3414's pass
 * phrase with every auth and priv protocol), which match what Net-SNMP's agent derives.
 */
class KeyVectorTest {
    private static final HexFormat HEX = HexFormat.of();

    static Path interop() {
        String root = System.getenv("VARBIND_REPO_ROOT");
        Path p = Path.of(root == null ? ".." : root).resolve("../shared/interop").normalize();
        if (!Files.isDirectory(p)) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException("shared/interop missing at " + p);
            }
            Assumptions.abort("shared/interop not found at " + p);
        }
        return p;
    }

    record Vector(String user, AuthProtocol auth, byte[] engineId, String authKu, String authKul, String priv,
            String privKu, String privKey, String authPassword, String privPassword) {
        @Override
        public String toString() {
            return user + " " + auth + "/" + priv;
        }
    }

    static Stream<Vector> vectors() throws IOException {
        Path dir = interop();
        Map<String, String[]> passwords = new HashMap<>();
        for (String line : Files.readAllLines(dir.resolve("users.tsv"), StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (!f[0].equals("user")) {
                passwords.put(f[0], new String[] {f[2], f[4]});
            }
        }
        List<Vector> out = new ArrayList<>();
        for (String file : new String[] {"key-vectors.tsv", "key-vectors-maplesyrup.tsv"}) {
            for (String line : Files.readAllLines(dir.resolve(file), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (f[0].equals("user") || f.length < 9) {
                    continue;
                }
                String ap;
                String pp;
                if (file.contains("maplesyrup")) {
                    ap = "maplesyrup";
                    pp = "maplesyrup-priv";
                } else {
                    String[] pw = passwords.get(f[0]);
                    if (pw == null) {
                        continue;
                    }
                    ap = pw[0];
                    pp = pw[1];
                }
                out.add(new Vector(f[0], AuthProtocol.parse(f[1]), HEX.parseHex(f[2]), f[3], f[4], f[5], f[6], f[8],
                        ap, pp));
            }
        }
        assertTrue(out.size() >= 80, "vectors read: " + out.size());
        return out.stream();
    }

    @ParameterizedTest
    @MethodSource("vectors")
    void derivesNetSnmpsKeys(Vector v) {
        byte[] ku = UsmKeyLocalizer.passwordToKey(v.auth(), v.authPassword().getBytes(StandardCharsets.UTF_8));
        assertEquals(v.authKu(), HEX.formatHex(ku));
        assertEquals(v.authKul(), HEX.formatHex(UsmKeyLocalizer.localize(v.auth(), ku, v.engineId())));
        if (!v.priv().equals("-")) {
            PrivProtocol p = PrivProtocol.parse(v.priv());
            byte[] pku = UsmKeyLocalizer.passwordToKey(v.auth(), v.privPassword().getBytes(StandardCharsets.UTF_8));
            assertEquals(v.privKu(), HEX.formatHex(pku));
            assertEquals(v.privKey(), HEX.formatHex(UsmKeyLocalizer.privKey(v.auth(), p, v.privPassword(),
                    v.engineId())));
            String handle = LocalizedKeyCache.key("p", v.auth(), p, v.privPassword(), v.engineId());
            assertEquals(v.privKey(), HEX.formatHex(LocalizedKeyCache.privKey(handle, v.auth(), p, v.privPassword(),
                    v.engineId())));
            LocalizedKeyCache.release(handle);
        }
    }

    /** RFC 3414 A.3.1 and A.3.2: pass phrase "maplesyrup", engine id 00..02. */
    @Test
    void rfc3414AppendixA3() {
        byte[] pw = "maplesyrup".getBytes(StandardCharsets.US_ASCII);
        byte[] engine = HEX.parseHex("000000000000000000000002");
        byte[] md5 = UsmKeyLocalizer.passwordToKey(AuthProtocol.MD5, pw);
        assertEquals("9faf3283884e92834ebc9847d8edd963", HEX.formatHex(md5));
        assertEquals("526f5eed9fcce26f8964c2930787d82b", HEX.formatHex(UsmKeyLocalizer.localize(AuthProtocol.MD5, md5,
                engine)));
        byte[] sha = UsmKeyLocalizer.passwordToKey(AuthProtocol.SHA1, pw);
        assertEquals("9fb5cc0381497b3793528939ff788d5d79145211", HEX.formatHex(sha));
        assertEquals("6695febc9288e36282235fc7151f128497b38f3f", HEX.formatHex(UsmKeyLocalizer.localize(
                AuthProtocol.SHA1, sha, engine)));
    }

    @Test
    void shortPassPhrasesAreRefusedAsNetSnmpDoes() {
        UsmException e = assertThrows(UsmException.class,
                () -> UsmKeyLocalizer.passwordToKey(AuthProtocol.SHA1, "short".getBytes(StandardCharsets.US_ASCII)));
        assertTrue(e.getMessage().contains("minimum of 8"));
    }

    @Test
    void protocolNames() {
        assertEquals(AuthProtocol.MD5, AuthProtocol.parse("DEFAULT"));
        assertEquals(AuthProtocol.SHA1, AuthProtocol.parse("sha"));
        assertEquals(AuthProtocol.SHA256, AuthProtocol.parse("SHA-256"));
        assertEquals(PrivProtocol.DES, PrivProtocol.parse("DEFAULT"));
        assertEquals(PrivProtocol.AES128, PrivProtocol.parse("aes"));
        assertEquals(PrivProtocol.AES192C, PrivProtocol.parse("AES-192-C"));
        assertEquals(PrivProtocol.TRIPLE_DES, PrivProtocol.parse("3DES"));
        assertThrows(IllegalArgumentException.class, () -> PrivProtocol.parse("ROT13"));
        assertThrows(IllegalArgumentException.class, () -> AuthProtocol.parse("SHA-3"));
    }
}
