package io.varbind.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** Net-SNMP's {@code snmpcmd} options, shared by get, getnext, bulkget, walk, bulkwalk and set. */
public final class SnmpOptions {

    @Option(names = "-v", paramLabel = "1|2c|3", description = "SNMP version (default: 2c)")
    String version = "2c";

    @Option(names = "-c", paramLabel = "COMMUNITY", description = "community string (default: public)")
    String community = "public";

    @Option(names = "-l", paramLabel = "LEVEL", description = "noAuthNoPriv|authNoPriv|authPriv")
    String securityLevel;

    @Option(names = "-u", paramLabel = "USER", description = "security name")
    String user;

    @Option(names = "-a", paramLabel = "PROTOCOL", description = "MD5|SHA|SHA-224|SHA-256|SHA-384|SHA-512")
    String authProtocol;

    @Option(names = "-A", paramLabel = "PASSPHRASE", description = "authentication pass phrase")
    String authPassword;

    @Option(names = "-x", paramLabel = "PROTOCOL", description = "DES|3DES|AES|AES-192|AES-256|AES-192-C|AES-256-C")
    String privProtocol;

    @Option(names = "-X", paramLabel = "PASSPHRASE", description = "privacy pass phrase")
    String privPassword;

    @Option(names = "-e", paramLabel = "ENGINE-ID", description = "security engine ID (hex)")
    String securityEngineId;

    @Option(names = "-E", paramLabel = "ENGINE-ID", description = "context engine ID (hex)")
    String contextEngineId;

    @Option(names = "-n", paramLabel = "CONTEXT", description = "context name")
    String context;

    @Option(names = "-Z", paramLabel = "BOOTS,TIME", description = "destination engine boots and time")
    String bootsTime;

    @Option(names = "-t", paramLabel = "SECONDS", description = "timeout per try (default: 1)")
    double timeout = 1;

    @Option(names = "-r", paramLabel = "RETRIES", description = "retries (default: 5, as Net-SNMP)")
    int retries = 5;

    @Option(names = "-T", paramLabel = "KEY=VALUE",
            description = "TLS/DTLS: our_identity, their_identity, their_hostname, trust_cert;"
                    + " allow_tls10=yes for an agent that speaks only TLS 1.0 (Net-SNMP 5.9.3's tlstcp)")
    List<String> transportParams = new ArrayList<>();

    @Option(names = "-O", paramLabel = "FLAGS", description = "output: n numeric, f full, s short, q quick,"
            + " v value only, e numeric enums, x hex strings (combinable: -Onq)")
    List<String> outputFlags = new ArrayList<>();

    @Option(names = "--json", description = "one JSON object per variable, with easysnmp's fields")
    boolean json;

    /** The -T parameters as a map; a malformed one is a usage error. */
    public Map<String, String> transportParameters() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String p : transportParams) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw new UsageException("-T " + p + ": KEY=VALUE expected");
            }
            String key = p.substring(0, eq).toLowerCase(java.util.Locale.ROOT).replace('-', '_');
            switch (key) {
                case "our_identity", "their_identity", "their_hostname", "trust_cert", "allow_tls10" ->
                        m.put(key, p.substring(eq + 1));
                default -> throw new UsageException("-T " + p + ": unknown transport parameter '" + key + "'");
            }
        }
        return m;
    }

    /** The version as the Session builder takes it: 1, 2 or 3. */
    public int versionNumber() {
        switch (version.toLowerCase(java.util.Locale.ROOT)) {
            case "1":
                return 1;
            case "2c":
            case "2":
                return 2;
            case "3":
                return 3;
            default:
                throw new UsageException("-v " + version + ": 1, 2c or 3 expected");
        }
    }
}
