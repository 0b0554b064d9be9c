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
        "tsm_user=NAME (read-only; for trapd: notifications accepted), rw_tsm_user=NAME (agent: read-write)"})
    List<String> settings = new ArrayList<>();

    /** The parsed settings. */
    record Settings(String localCert, List<String> trustCerts, List<String> rules, List<String> tsmUsers,
            List<String> rwTsmUsers) {

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
                default:
                    throw new UsageException(command + " -T " + key + ": unknown; local_cert, trust_cert,"
                            + " cert_sec_name, tsm_user or rw_tsm_user");
            }
        }
        return new Settings(local, trust, rules, ro, rw);
    }
}
