package io.varbind.agent;

import io.varbind.engine.TlsSecurity;
import io.varbind.transport.ClientAuthorizer;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.security.auth.x500.X500Principal;

/**
 * Which (D)TLS clients the listening side accepts, and under which TSM securityName (RFC 6353
 * section 5.3.2 and section 7, Net-SNMP's {@code trustCert} and {@code certSecName}).
 *
 * <p>A client is trusted when its certificate's fingerprint is trusted, when its chain leads to a
 * trusted certificate (a CA, checked with PKIX), or when a rule names its own certificate's
 * fingerprint. Its name then comes from the rules in priority order (lowest first; rules of equal
 * priority in the order given): a rule whose fingerprint is that of a certificate of the client's
 * chain, or of the trusted CA that issued it, maps by its kind; a rule whose field the certificate
 * lacks, or that gives a name longer than 32 octets (an SnmpAdminString securityName), is passed
 * over. A trusted client that no rule names is refused, as RFC 6353 says.
 */
public final class CertificateMap implements ClientAuthorizer {

    /** How a rule derives the name (Net-SNMP's {@code --sn}, {@code --cn}, ... options). */
    public enum Kind {
        /** The name given in the rule ({@code --sn NAME}, RFC 6353 specified). */
        SPECIFIED,
        /** The subject's common name ({@code --cn}, Net-SNMP's addition). */
        COMMON_NAME,
        /** The first rfc822Name of the subjectAltName, domain part in lower case ({@code --rfc822}). */
        SAN_RFC822,
        /** The first dNSName, in lower case ({@code --dns}). */
        SAN_DNS,
        /** The first iPAddress ({@code --ip}): dotted for IPv4, 32 lower-case hex digits for IPv6 (RFC 6353). */
        SAN_IP,
        /** The first of rfc822Name, dNSName and iPAddress present ({@code --any}). */
        SAN_ANY
    }

    /** One {@code certSecName} rule. */
    public record Rule(int priority, String hashAlgorithm, byte[] fingerprint, Kind kind, String name) {
    }

    private final List<Rule> rules;
    private final List<byte[]> trustedFingerprints;
    private final List<X509Certificate> anchors;

    private CertificateMap(List<Rule> rules, List<byte[]> trustedFingerprints, List<X509Certificate> anchors) {
        List<Rule> sorted = new ArrayList<>(rules);
        sorted.sort(Comparator.comparingInt(Rule::priority)); // stable: equal priorities keep their order
        this.rules = List.copyOf(sorted);
        this.trustedFingerprints = List.copyOf(trustedFingerprints);
        this.anchors = List.copyOf(anchors);
    }

    /** Builds a map from rules and trusted certificates (any may be empty). */
    public static CertificateMap of(List<Rule> rules, List<byte[]> trustedFingerprints,
            List<X509Certificate> trustedCertificates) {
        return new CertificateMap(rules, trustedFingerprints, trustedCertificates);
    }

    /**
     * Parses a rule as {@code certSecName} takes it in snmpd.conf:
     * {@code PRIORITY [--sha256|--sha1|--sha512|...] FINGERPRINT (--sn NAME | --cn | --rfc822 | --dns | --ip | --any)}.
     * The fingerprint is hex (colons allowed), or a certificate name or path whose fingerprint is
     * taken (as {@code trustCert} finds it).
     */
    public static Rule parseRule(String line) {
        String[] w = line.trim().split("\\s+");
        int i = 0;
        try {
            int priority = Integer.parseInt(w[i++]);
            String hash = "SHA-256";
            if (w[i].startsWith("--") && !isKind(w[i])) {
                hash = hashName(w[i++].substring(2));
            }
            String fp = w[i++];
            String opt = w[i++].toLowerCase(Locale.ROOT);
            Kind kind;
            String name = null;
            switch (opt) {
                case "--sn": kind = Kind.SPECIFIED; name = w[i++]; break;
                case "--cn": kind = Kind.COMMON_NAME; break;
                case "--rfc822": kind = Kind.SAN_RFC822; break;
                case "--dns": kind = Kind.SAN_DNS; break;
                case "--ip": kind = Kind.SAN_IP; break;
                case "--any": kind = Kind.SAN_ANY; break;
                default: throw new IllegalArgumentException("unknown mapping " + opt);
            }
            if (i != w.length) {
                throw new IllegalArgumentException("extra words after the mapping");
            }
            if (name != null && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 32) {
                throw new IllegalArgumentException("a securityName has at most 32 octets");
            }
            byte[] digest = TlsSecurity.parseFingerprint(fp);
            if (digest == null && fp.replace(":", "").matches("[0-9a-fA-F]{20,128}")) {
                digest = HexFormat.of().parseHex(fp.replace(":", "").toLowerCase(Locale.ROOT));
            }
            if (digest == null) { // a certificate's name or path
                digest = digest(hash, TlsSecurity.loadCertificates(fp).get(0));
            }
            return new Rule(priority, hash, digest, kind, name);
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("certSecName: expected 'PRIORITY [--sha256] FINGERPRINT"
                    + " --sn NAME|--cn|--rfc822|--dns|--ip|--any', got '" + line + "'");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("certSecName '" + line + "': " + e.getMessage(), e);
        }
    }

    private static boolean isKind(String w) {
        return List.of("--sn", "--cn", "--rfc822", "--dns", "--ip", "--any").contains(w.toLowerCase(Locale.ROOT));
    }

    private static String hashName(String flag) {
        switch (flag.toLowerCase(Locale.ROOT)) {
            case "md5": return "MD5";
            case "sha1": return "SHA-1";
            case "sha224": return "SHA-224";
            case "sha256": return "SHA-256";
            case "sha384": return "SHA-384";
            case "sha512": return "SHA-512";
            default: throw new IllegalArgumentException("unknown hash --" + flag);
        }
    }

    private static byte[] digest(String algorithm, X509Certificate c) {
        try {
            return MessageDigest.getInstance(algorithm).digest(c.getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String authorize(X509Certificate[] chain) throws CertificateException {
        X509Certificate leaf = chain[0];
        leaf.checkValidity();
        X509Certificate anchor = trustedAnchor(chain);
        boolean trusted = anchor != null || containsFingerprint(trustedFingerprints, "SHA-256", leaf)
                || rules.stream().anyMatch(r -> MessageDigest.isEqual(r.fingerprint(), digest(r.hashAlgorithm(), leaf)));
        if (!trusted) {
            throw new CertificateException("the client's certificate (" + leaf.getSubjectX500Principal().getName()
                    + ", SHA-256 " + HexFormat.of().formatHex(TlsSecurity.fingerprintOf(leaf))
                    + ") is not trusted: neither its fingerprint nor its issuer is trusted");
        }
        List<X509Certificate> candidates = new ArrayList<>(List.of(chain));
        if (anchor != null && !candidates.contains(anchor)) {
            candidates.add(anchor);
        }
        for (Rule r : rules) {
            boolean matches = false;
            for (X509Certificate c : candidates) {
                if (MessageDigest.isEqual(r.fingerprint(), digest(r.hashAlgorithm(), c))) {
                    matches = true;
                    break;
                }
            }
            if (matches) {
                String name = name(r, leaf);
                if (name != null && !name.isEmpty()
                        && name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 32) {
                    return name;
                }
            }
        }
        throw new CertificateException("no certSecName rule maps the client's certificate ("
                + leaf.getSubjectX500Principal().getName() + ") to a securityName");
    }

    private static boolean containsFingerprint(List<byte[]> list, String algorithm, X509Certificate c) {
        byte[] d = digest(algorithm, c);
        for (byte[] f : list) {
            if (MessageDigest.isEqual(f, d)) {
                return true;
            }
        }
        return false;
    }

    /** The trusted certificate the chain leads to (PKIX, no revocation check), or null. */
    private X509Certificate trustedAnchor(X509Certificate[] chain) {
        if (anchors.isEmpty()) {
            return null;
        }
        for (X509Certificate a : anchors) {
            if (a.equals(chain[0])) {
                return a; // a self-signed client trusted as such
            }
        }
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate a : anchors) {
                ks.setCertificateEntry("a" + i++, a);
            }
            PKIXParameters params = new PKIXParameters(ks);
            params.setRevocationEnabled(false);
            List<X509Certificate> path = new ArrayList<>();
            for (X509Certificate c : chain) {
                if (!anchors.contains(c)) {
                    path.add(c);
                }
            }
            var result = (java.security.cert.PKIXCertPathValidatorResult) CertPathValidator.getInstance("PKIX")
                    .validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
            return result.getTrustAnchor().getTrustedCert();
        } catch (GeneralSecurityException | java.io.IOException e) {
            return null;
        }
    }

    /** The name rule {@code r} gives {@code leaf}, or null when the certificate lacks the field. */
    static String name(Rule r, X509Certificate leaf) throws CertificateException {
        switch (r.kind()) {
            case SPECIFIED:
                return r.name();
            case COMMON_NAME:
                return commonName(leaf.getSubjectX500Principal());
            case SAN_RFC822:
                return san(leaf, 1);
            case SAN_DNS:
                return san(leaf, 2);
            case SAN_IP:
                return san(leaf, 7);
            case SAN_ANY:
                for (int type : new int[] {1, 2, 7}) {
                    String n = san(leaf, type);
                    if (n != null) {
                        return n;
                    }
                }
                return null;
            default:
                return null;
        }
    }

    private static String commonName(X500Principal p) {
        try {
            for (javax.naming.ldap.Rdn rdn : new javax.naming.ldap.LdapName(p.getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return rdn.getValue().toString();
                }
            }
        } catch (javax.naming.InvalidNameException e) {
            return null;
        }
        return null;
    }

    private static String san(X509Certificate c, int type) throws CertificateException {
        Collection<List<?>> sans = c.getSubjectAlternativeNames();
        if (sans == null) {
            return null;
        }
        for (List<?> san : sans) {
            if (san.size() >= 2 && Integer.valueOf(type).equals(san.get(0))) {
                String v = String.valueOf(san.get(1));
                switch (type) {
                    case 1: { // RFC 6353 section 7: the domain part in lower case
                        int at = v.lastIndexOf('@');
                        return at < 0 ? v : v.substring(0, at) + v.substring(at).toLowerCase(Locale.ROOT);
                    }
                    case 2:
                        return v.toLowerCase(Locale.ROOT);
                    default: {
                        try {
                            byte[] a = java.net.InetAddress.getByName(v).getAddress();
                            return a.length == 4 ? v : HexFormat.of().formatHex(a);
                        } catch (java.net.UnknownHostException e) {
                            return null;
                        }
                    }
                }
            }
        }
        return null;
    }
}
