package io.varbind.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The (D)TLS side of {@code agent} and {@code trapd} (for {@code tls:} and {@code dtls:}
 * endpoints), as Net-SNMP's {@code -T KEY=VALUE} options and snmpd.conf directives spell it:
 * {@code local_cert} (snmpd's {@code localCert}), {@code trust_cert} ({@code trustCert}),
 * {@code cert_sec_name} ({@code certSecName}'s arguments), and which TSM securityNames are let in.
 */
final class TlsListenOptions {

    @Option(names = "-T", paramLabel = "KEY=VALUE", description = {
        "(D)TLS listening, repeatable: local_cert=CERT (our certificate: fingerprint, name under",
        "tls/certs of $SNMPCONFPATH, or path), trust_cert=CERT (a client certificate or CA to trust),",
        "cert_sec_name='PRIORITY [--sha256] FINGERPRINT --sn NAME|--cn|--rfc822|--dns|--ip|--any',",
        "tsm_user=NAME (read-only; for trapd: notifications accepted), rw_tsm_user=NAME (agent: read-write),",
        "dtls_max_sessions=N (256), dtls_max_handshakes=N (16), dtls_idle_timeout=SECONDS (300)"})
    List<String> settings = new ArrayList<>();

    /** The parsed settings. */
    record Settings(String localCert, List<String> trustCerts, List<String> rules, List<String> tsmUsers,
            List<String> rwTsmUsers, Integer dtlsMaxSessions, Integer dtlsMaxHandshakes, Integer dtlsIdleSeconds) {

        /** A builder's {@code dtlsLimits(maxSessions, maxHandshakes, idleTimeout)}. */
        interface DtlsLimitsSetter {
            void set(int maxSessions, int maxHandshakes, java.time.Duration idleTimeout);
        }

        /** Hands the DTLS caps given to {@code setter}, the defaults for those not given; nothing when none is. */
        void applyDtlsLimits(DtlsLimitsSetter setter) {
            if (dtlsMaxSessions == null && dtlsMaxHandshakes == null && dtlsIdleSeconds == null) {
                return;
            }
            io.varbind.transport.DtlsServer.Limits d = io.varbind.transport.DtlsServer.Limits.DEFAULT;
            setter.set(dtlsMaxSessions != null ? dtlsMaxSessions : d.maxSessions(),
                    dtlsMaxHandshakes != null ? dtlsMaxHandshakes : d.maxHandshakes(),
                    dtlsIdleSeconds != null ? java.time.Duration.ofSeconds(dtlsIdleSeconds) : d.idleTimeout());
        }

        /** Hands the certificates and rules to a builder's methods; a bad rule is a usage error of {@code command}. */
        void applyTo(String command, java.util.function.Consumer<String> localCertSetter,
                java.util.function.Consumer<String> trustCertAdder, java.util.function.Consumer<String> ruleAdder) {
            try {
                if (localCert != null) {
                    localCertSetter.accept(localCert);
                }
                trustCerts.forEach(trustCertAdder);
                rules.forEach(ruleAdder);
            } catch (IllegalArgumentException e) {
                throw new UsageException(command + " -T: " + e.getMessage());
            }
        }
    }

    Settings parse(String command) {
        String local = null;
        List<String> trust = new ArrayList<>();
        List<String> rules = new ArrayList<>();
        List<String> ro = new ArrayList<>();
        List<String> rw = new ArrayList<>();
        Integer[] dtls = new Integer[3];
        for (String s : settings) {
            int eq = s.indexOf('=');
            if (eq <= 0) {
                throw new UsageException(command + " -T " + s + ": KEY=VALUE expected");
            }
            String key = s.substring(0, eq).toLowerCase(Locale.ROOT).replace("-", "_");
            String value = s.substring(eq + 1);
            switch (key) {
                case "local_cert": case "localcert": case "our_identity": local = value; break;
                case "trust_cert": case "trustcert": trust.add(value); break;
                case "cert_sec_name": case "certsecname": rules.add(value); break;
                case "tsm_user": ro.add(value); break;
                case "rw_tsm_user": rw.add(value); break;
                case "dtls_max_sessions": dtls[0] = positive(command, key, value); break;
                case "dtls_max_handshakes": dtls[1] = positive(command, key, value); break;
                case "dtls_idle_timeout": dtls[2] = positive(command, key, value); break;
                default:
                    throw new UsageException(command + " -T " + key + ": unknown; local_cert, trust_cert,"
                            + " cert_sec_name, tsm_user, rw_tsm_user, dtls_max_sessions, dtls_max_handshakes"
                            + " or dtls_idle_timeout");
            }
        }
        return new Settings(local, trust, rules, ro, rw, dtls[0], dtls[1], dtls[2]);
    }

    private static int positive(String command, String key, String value) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= 1) {
                return n;
            }
        } catch (NumberFormatException e) {
            // the message below
        }
        throw new UsageException(command + " -T " + key + "=" + value + ": a whole number of at least 1 expected");
    }
}
