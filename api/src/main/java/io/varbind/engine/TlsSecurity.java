package io.varbind.engine;

import io.varbind.SnmpConnectionException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The certificates of one TLS session (RFC 6353 section 5.3) from easysnmp's four options, resolved
 * as Net-SNMP resolves them: a SHA-256 fingerprint (hex, any case, colons optional) or a
 * certificate name, looked up in {@code tls/certs}, {@code tls/ca-certs} and {@code tls/private}
 * (keys) under each folder of {@code $SNMPCONFPATH} (default {@code ~/.snmp}); or a path to a PEM
 * file whose private key is in the same file, beside it as {@code NAME.key}, or in the
 * {@code private} folder next to its {@code certs} folder.
 *
 * <p>The agent is accepted when its certificate has the {@code theirIdentity} fingerprint, or
 * else when it chains to {@code trustCert}; with {@code theirHostname}, one of its DNS names (or
 * its common name when it has none) must also be that host. Refusals say which check failed.
 */
public final class TlsSecurity {
    private final SSLContext context;
    private final String peerHost;
    private final X509Certificate[] ourChain;
    private final PrivateKey ourKey;
    private final AgentTrust trust;
    private final boolean legacy;

    private TlsSecurity(SSLContext context, String peerHost, X509Certificate[] ourChain, PrivateKey ourKey,
            AgentTrust trust, boolean legacy) {
        this.context = context;
        this.peerHost = peerHost;
        this.ourChain = ourChain;
        this.ourKey = ourKey;
        this.trust = trust;
        this.legacy = legacy;
    }

    /**
     * Whether this session may speak TLS 1.0 and 1.1 (on Bouncy Castle's TLS, since the JDK only
     * allows them for the whole JVM): for Net-SNMP 5.9.3's tlstcp, which offers nothing newer.
     */
    public boolean legacy() {
        return legacy;
    }

    /** Our certificate chain for DTLS, or null without ourIdentity. */
    public X509Certificate[] ourChain() {
        return ourChain == null ? null : ourChain.clone();
    }

    /** Our private key for DTLS, or null without ourIdentity. */
    public PrivateKey ourKey() {
        return ourKey;
    }

    /** The checks of the agent's chain (leaf first), for DTLS: throws with the reason it is refused. */
    public void verifyAgent(X509Certificate[] chain) throws CertificateException {
        trust.checkServerTrusted(chain, "ECDHE_RSA");
    }

    /**
     * Resolves the identities; throws {@link SnmpConnectionException} naming what cannot be found
     * or read. {@code ourIdentity} may be empty (no client certificate), but the agent must be
     * authenticated: one of {@code theirIdentity} and {@code trustCert} is required.
     */
    public static TlsSecurity of(String ourIdentity, String theirIdentity, String theirHostname, String trustCert) {
        return of(ourIdentity, theirIdentity, theirHostname, trustCert, false);
    }

    /** As {@link #of(String, String, String, String)}, with TLS 1.0 and 1.1 allowed when {@code legacy}. */
    public static TlsSecurity of(String ourIdentity, String theirIdentity, String theirHostname, String trustCert,
            boolean legacy) {
        List<Path> dirs = configDirs();
        try {
            KeyManagerFactory kmf = null;
            X509Certificate[] chain = null;
            PrivateKey key = null;
            if (ourIdentity != null && !ourIdentity.isEmpty()) {
                Path cert = findCertificate(ourIdentity, dirs, "certs");
                chain = readCertificates(cert).toArray(new X509Certificate[0]);
                key = readKey(cert, dirs);
                KeyStore ks = KeyStore.getInstance("PKCS12");
                ks.load(null, null);
                ks.setKeyEntry("our", key, new char[0], chain);
                kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                kmf.init(ks, new char[0]);
            }
            byte[] pinned = null;
            if (theirIdentity != null && !theirIdentity.isEmpty()) {
                byte[] fp = fingerprint(theirIdentity);
                pinned = fp != null ? fp : sha256(readCertificates(findCertificate(theirIdentity, dirs, "certs"))
                        .get(0));
            }
            X509TrustManager anchors = null;
            if (trustCert != null && !trustCert.isEmpty()) {
                KeyStore ts = KeyStore.getInstance("PKCS12");
                ts.load(null, null);
                int i = 0;
                for (X509Certificate c : readCertificates(findCertificate(trustCert, dirs, "ca-certs"))) {
                    ts.setCertificateEntry("ca" + i++, c);
                }
                TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
                tmf.init(ts);
                anchors = (X509TrustManager) tmf.getTrustManagers()[0];
            }
            if (pinned == null && anchors == null) {
                throw new SnmpConnectionException("TLS: the agent cannot be authenticated: give theirIdentity"
                        + " (its certificate's fingerprint or name) or trustCert (its CA)");
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            String host = theirHostname == null || theirHostname.isEmpty() ? null : theirHostname;
            AgentTrust trust = new AgentTrust(pinned, anchors, host);
            ctx.init(kmf == null ? null : kmf.getKeyManagers(), new javax.net.ssl.TrustManager[] {trust}, null);
            return new TlsSecurity(ctx, host, chain, key, trust, legacy);
        } catch (IOException | GeneralSecurityException e) {
            throw new SnmpConnectionException("TLS: " + e.getMessage(), e);
        }
    }

    /** A certificate chain (leaf first) and the private key of its leaf. */
    public record Identity(X509Certificate[] chain, PrivateKey key) {
    }

    /**
     * A certificate and its key, found as {@code ourIdentity} is (a fingerprint, a name under
     * {@code tls/certs} of {@code $SNMPCONFPATH}, or a path): what a listening agent presents.
     */
    public static Identity loadIdentity(String spec) {
        List<Path> dirs = configDirs();
        try {
            Path cert = findCertificate(spec, dirs, "certs");
            return new Identity(readCertificates(cert).toArray(new X509Certificate[0]), readKey(cert, dirs));
        } catch (IOException | GeneralSecurityException e) {
            throw new SnmpConnectionException("TLS: " + e.getMessage(), e);
        }
    }

    /** The certificates of a file found as {@code trustCert} is (CA folders first). */
    public static List<X509Certificate> loadCertificates(String spec) {
        try {
            return readCertificates(findCertificate(spec, configDirs(), "ca-certs"));
        } catch (IOException | GeneralSecurityException e) {
            throw new SnmpConnectionException("TLS: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 digest a fingerprint spelling stands for (64 hex digits, colons allowed), or null. */
    public static byte[] parseFingerprint(String spelling) {
        return fingerprint(spelling);
    }

    /** The SHA-256 fingerprint of a certificate (over its DER encoding), as Net-SNMP computes it. */
    public static byte[] fingerprintOf(X509Certificate certificate) {
        return sha256(certificate);
    }

    /**
     * A client-mode engine for one connection to {@code host:port}. TLS 1.2 by default: Net-SNMP's
     * agents (5.9.3, with the TLS 1.0 cap lifted) leave a TLS 1.3 client's first request unread when
     * it arrives together with the client's Finished, so every request would time out. The system
     * property {@code varbind.tls.protocols} (comma-separated JDK names, e.g. {@code TLSv1.3,TLSv1.2})
     * overrides it for agents that do better.
     */
    public SSLEngine newEngine(String host, int port) {
        SSLEngine e = context.createSSLEngine(peerHost != null ? peerHost : host, port);
        e.setUseClientMode(true);
        List<String> wanted = List.of(System.getProperty("varbind.tls.protocols", "TLSv1.2").split(","));
        List<String> protocols = new ArrayList<>();
        for (String p : e.getSupportedProtocols()) {
            if (wanted.contains(p)) {
                protocols.add(p);
            }
        }
        if (protocols.isEmpty()) {
            throw new SnmpConnectionException("TLS: none of the protocols " + wanted + " is supported by this JVM");
        }
        e.setEnabledProtocols(protocols.toArray(new String[0]));
        return e;
    }

    /** The checks of RFC 6353 section 5.3.1 on the agent's certificate, with messages that say which failed. */
    private static final class AgentTrust implements X509TrustManager {
        private final byte[] pinned;
        private final X509TrustManager anchors;
        private final String host;

        AgentTrust(byte[] pinned, X509TrustManager anchors, String host) {
            this.pinned = pinned;
            this.anchors = anchors;
            this.host = host;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the agent sent no certificate");
            }
            X509Certificate leaf = chain[0];
            try {
                leaf.checkValidity();
            } catch (CertificateExpiredException e) {
                throw new CertificateException("the agent's certificate expired on " + leaf.getNotAfter(), e);
            } catch (CertificateNotYetValidException e) {
                throw new CertificateException("the agent's certificate is not valid before " + leaf.getNotBefore(), e);
            }
            if (pinned != null) {
                byte[] fp = sha256(leaf);
                if (!MessageDigest.isEqual(fp, pinned)) {
                    throw new CertificateException("the agent's certificate fingerprint " + HexFormat.of().formatHex(fp)
                            + " does not match theirIdentity " + HexFormat.of().formatHex(pinned));
                }
            } else {
                try {
                    anchors.checkServerTrusted(chain, authType);
                } catch (CertificateException e) {
                    throw new CertificateException("the agent's certificate is not trusted by trustCert ("
                            + e.getMessage() + ")", e);
                }
            }
            if (host != null && !matchesHost(leaf, host)) {
                throw new CertificateException("no name in the agent's certificate matches theirHostname " + host);
            }
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a client does not check clients");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return anchors != null ? anchors.getAcceptedIssuers() : new X509Certificate[0];
        }
    }

    /** DNS names of the subjectAltName (type 2), or the common name when there are none; as Net-SNMP, no IP match. */
    static boolean matchesHost(X509Certificate cert, String host) throws CertificateException {
        String want = host.toLowerCase(Locale.ROOT);
        Collection<List<?>> sans = cert.getSubjectAlternativeNames();
        boolean anyDns = false;
        if (sans != null) {
            for (List<?> san : sans) {
                if (san.size() >= 2 && Integer.valueOf(2).equals(san.get(0))) {
                    anyDns = true;
                    if (want.equals(String.valueOf(san.get(1)).toLowerCase(Locale.ROOT))) {
                        return true;
                    }
                }
            }
        }
        if (!anyDns) {
            String dn = cert.getSubjectX500Principal().getName();
            for (String part : dn.split(",")) {
                if (part.trim().toUpperCase(Locale.ROOT).startsWith("CN=")
                        && part.trim().substring(3).toLowerCase(Locale.ROOT).equals(want)) {
                    return true;
                }
            }
        }
        return false;
    }

    static byte[] sha256(X509Certificate c) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(c.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The digest of a fingerprint spelling (64 hex digits, colons allowed), or null when it is not one. */
    static byte[] fingerprint(String s) {
        String hex = s.replace(":", "").trim();
        if (hex.length() == 64 && hex.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
            return HexFormat.of().parseHex(hex.toLowerCase(Locale.ROOT));
        }
        return null;
    }

    private static List<Path> configDirs() {
        String env = System.getenv("SNMPCONFPATH");
        List<Path> out = new ArrayList<>();
        if (env != null && !env.isEmpty()) {
            for (String d : env.split(":")) {
                if (!d.isEmpty()) {
                    out.add(Path.of(d));
                }
            }
        } else {
            out.add(Path.of(System.getProperty("user.home"), ".snmp"));
        }
        return out;
    }

    /** The file of a certificate given by path, name or fingerprint. */
    static Path findCertificate(String spec, List<Path> dirs, String preferred) throws IOException {
        Path direct = Path.of(spec);
        if ((spec.contains("/") || spec.endsWith(".pem") || spec.endsWith(".crt")) && Files.isRegularFile(direct)) {
            return direct;
        }
        byte[] fp = fingerprint(spec);
        List<String> kinds = preferred.equals("certs") ? List.of("certs", "ca-certs") : List.of("ca-certs", "certs");
        for (Path d : dirs) {
            for (String kind : kinds) {
                Path folder = d.resolve("tls").resolve(kind);
                if (!Files.isDirectory(folder)) {
                    continue;
                }
                if (fp == null) {
                    for (String name : List.of(spec, spec + ".crt", spec + ".pem")) {
                        if (Files.isRegularFile(folder.resolve(name))) {
                            return folder.resolve(name);
                        }
                    }
                } else {
                    try (var files = Files.list(folder)) {
                        for (Path f : (Iterable<Path>) files::iterator) {
                            try {
                                for (X509Certificate c : readCertificates(f)) {
                                    if (MessageDigest.isEqual(sha256(c), fp)) {
                                        return f;
                                    }
                                }
                            } catch (IOException | CertificateException ignored) {
                                // not a certificate file: look further
                            }
                        }
                    }
                }
            }
        }
        throw new IOException("no certificate " + spec + " (as a path, or under tls/" + preferred + " of "
                + dirs + ")");
    }

    static List<X509Certificate> readCertificates(Path f) throws IOException, CertificateException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        String text = Files.readString(f, StandardCharsets.ISO_8859_1);
        int at = 0;
        while (true) {
            int begin = text.indexOf("-----BEGIN CERTIFICATE-----", at);
            if (begin < 0) {
                break;
            }
            int end = text.indexOf("-----END CERTIFICATE-----", begin);
            if (end < 0) {
                throw new IOException(f + ": unterminated certificate");
            }
            end += "-----END CERTIFICATE-----".length();
            try (InputStream in = new java.io.ByteArrayInputStream(
                    text.substring(begin, end).getBytes(StandardCharsets.ISO_8859_1))) {
                out.add((X509Certificate) cf.generateCertificate(in));
            }
            at = end;
        }
        if (out.isEmpty()) {
            throw new IOException(f + " holds no PEM certificate");
        }
        return out;
    }

    /** The PKCS#8 PEM key in the certificate's file, beside it as NAME.key, or in tls/private. */
    static PrivateKey readKey(Path cert, List<Path> dirs) throws IOException, GeneralSecurityException {
        String base = cert.getFileName().toString().replaceFirst("\\.(crt|pem)$", "");
        List<Path> candidates = new ArrayList<>(List.of(cert, cert.resolveSibling(base + ".key")));
        Path parent = cert.toAbsolutePath().getParent();
        if (parent != null && parent.getFileName() != null && parent.getFileName().toString().equals("certs")) {
            candidates.add(parent.resolveSibling("private").resolve(base + ".key")); // Net-SNMP's tls/ layout
        }
        for (Path d : dirs) {
            candidates.add(d.resolve("tls").resolve("private").resolve(base + ".key"));
        }
        for (Path p : candidates) {
            if (!Files.isRegularFile(p)) {
                continue;
            }
            String text = Files.readString(p, StandardCharsets.ISO_8859_1);
            int begin = text.indexOf("-----BEGIN PRIVATE KEY-----");
            if (begin < 0) {
                if (text.contains("-----BEGIN RSA PRIVATE KEY-----") || text.contains("-----BEGIN EC PRIVATE KEY-----")) {
                    throw new IOException(p + ": convert the key to PKCS#8 (openssl pkcs8 -topk8 -nocrypt)");
                }
                continue;
            }
            int end = text.indexOf("-----END PRIVATE KEY-----", begin);
            byte[] der = Base64.getMimeDecoder().decode(text.substring(begin + 27, end));
            try {
                PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
                for (String alg : List.of("RSA", "EC", "Ed25519")) {
                    try {
                        return KeyFactory.getInstance(alg).generatePrivate(spec);
                    } catch (GeneralSecurityException tryNext) {
                        // the next algorithm
                    }
                }
            } finally {
                java.util.Arrays.fill(der, (byte) 0);
            }
            throw new IOException(p + ": an unsupported private key");
        }
        throw new IOException("no private key for " + cert + " (in the file, beside it as " + base
                + ".key, or under tls/private)");
    }
}
