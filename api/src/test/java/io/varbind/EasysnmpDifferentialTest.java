package io.varbind;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.testing.SnmpdAgent;
import io.varbind.testing.SnmpdExtension;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The same operations through Debian's python3-easysnmp and through {@link Session} against the
 * same snmpd, compared field by field (oid, oid_index, snmp_type, value; values that move between
 * two reads compared by type only), for v1, v2c and v3 (authPriv) and the display flags alone and combined.
 */
@Tag("agent")
@ExtendWith(SnmpdExtension.class)
class EasysnmpDifferentialTest {
    private static final List<String> FLAGS = List.of("-", "long", "numeric", "sprint", "enums", "long,enums",
            "numeric,sprint", "sprint,enums", "long,sprint");
    private static final Set<String> MOVING_TYPES = Set.of("TICKS", "COUNTER", "COUNTER64", "GAUGE");
    /** Objects whose values move between two reads, by descriptor and by numeric OID. */
    private static final Set<String> MOVING_NAMES = Set.of("snmpEngineTime", ".1.3.6.1.6.3.10.2.1.3",
            "sysUpTimeInstance", ".1.3.6.1.2.1.1.3");

    private static boolean moving(SnmpVariable v) {
        String oid = v.oid();
        String last = oid.substring(oid.lastIndexOf('.') + 1);
        return MOVING_TYPES.contains(v.snmpType()) || MOVING_NAMES.contains(oid) || MOVING_NAMES.contains(last);
    }

    /**
     * A moving value's format: every run of digits stands for one number, so that "(4213) 0:00:42.13"
     * and "(4250) 0:00:42.50" agree while "4213" and "0:00:42.13" do not.
     */
    private static String shape(String value) {
        return value.replaceAll("[0-9]+", "0");
    }

    record Op(String id, int version, String flags, String op, List<String> args) {
    }

    /** The v3 user of the v3 operations (authPriv, SHA and AES, as easysnmp names them). */
    private static final SnmpdAgent.User V3 = SnmpdAgent.user("sha_aes");

    private static List<Op> operations() {
        List<Op> ops = new ArrayList<>();
        int n = 0;
        for (int version : new int[] {1, 2, 3}) {
            for (String f : FLAGS) {
                ops.add(new Op("o" + n++, version, f, "get", List.of("sysDescr.0", "sysUpTime.0", "sysContact.0",
                        "sysObjectID.0", "ifDescr.1", "ifAdminStatus.1", "ifType.1", "ifPhysAddress.1")));
                ops.add(new Op("o" + n++, version, f, "get", List.of("ipAdEntAddr.127.0.0.1", "snmpEngineID.0",
                        "sysORID.1", "ifMtu.1")));
                ops.add(new Op("o" + n++, version, f, "getnext", List.of("system", "ifTable", "sysORTable")));
                ops.add(new Op("o" + n++, version, f, "walk", List.of("system")));
                ops.add(new Op("o" + n++, version, f, "walk", List.of("ifTable")));
                ops.add(new Op("o" + n++, version, f, "walk", List.of("ipAddrTable")));
                ops.add(new Op("o" + n++, version, f, "walk", List.of("snmpEngine")));
                if (version != 1) {
                    ops.add(new Op("o" + n++, version, f, "getbulk", List.of("1", "5", "sysUpTime", "system")));
                    ops.add(new Op("o" + n++, version, f, "bulkwalk", List.of("system")));
                    ops.add(new Op("o" + n++, version, f, "bulkwalk", List.of("ifTable")));
                }
            }
        }
        return ops;
    }

    private static String unhex(String h) {
        return h.equals("-") ? null : new String(HexFormat.of().parseHex(h), StandardCharsets.UTF_8);
    }

    private static Path mibDirs() {
        return io.varbind.testing.TestMibs.folder();
    }

    @Test
    void sessionAgreesWithEasysnmp(SnmpdAgent agent) throws Exception {
        Path python = Path.of("/usr/bin/python3");
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        boolean haveEasysnmp = Files.isExecutable(python) && new ProcessBuilder(python.toString(), "-c",
                "import easysnmp").start().waitFor() == 0;
        if (!haveEasysnmp) {
            if (ci) {
                throw new IllegalStateException("python3-easysnmp missing under CI=true");
            }
            Assumptions.abort("python3-easysnmp not installed");
        }
        Path script = Files.createTempFile("easysnmp-oracle", ".py");
        try (InputStream in = getClass().getResourceAsStream("/io/varbind/easysnmp_oracle.py")) {
            Files.write(script, in.readAllBytes());
        }
        List<Op> ops = operations();
        StringBuilder input = new StringBuilder();
        for (Op o : ops) {
            String credentials = o.version() == 3 ? String.join(":", V3.name(), V3.auth(), V3.authPassword(), V3.priv(),
                    V3.privPassword()) : "public";
            input.append(String.join("\t", o.id(), String.valueOf(o.version()), agent.hostPort(), credentials,
                    o.flags(), o.op())).append('\t').append(String.join("\t", o.args())).append('\n');
        }
        ProcessBuilder pb = new ProcessBuilder(python.toString(), script.toString());
        pb.environment().put("MIBDIRS", mibDirs().toString());
        pb.environment().put("MIBS", "ALL");
        pb.environment().put("SNMPCONFPATH", "/nonexistent");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        try (OutputStream out = p.getOutputStream()) {
            out.write(input.toString().getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        Files.deleteIfExists(script);

        Map<String, List<String[]>> easy = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] f = line.split("\t", -1);
            if (f.length == 6) {
                easy.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {unhex(f[2]), unhex(f[3]),
                    unhex(f[4]), unhex(f[5])});
            } else if (f.length == 3 && f[0].equals("ERR")) {
                easy.computeIfAbsent(f[1], k -> new ArrayList<>()).add(new String[] {"ERR", f[2]});
            }
        }

        int compared = 0;
        int matched = 0;
        List<String> mismatches = new ArrayList<>();
        for (Op o : ops) {
            List<String[]> theirs = easy.getOrDefault(o.id(), List.of());
            List<SnmpVariable> ours;
            Set<String> fl = Set.of(o.flags().split(","));
            Session.Builder b = Session.builder().hostname(agent.hostPort()).version(o.version());
            if (o.version() == 3) {
                b.securityLevel("auth_with_privacy").securityUsername(V3.name()).authProtocol(V3.auth())
                        .authPassword(V3.authPassword()).privacyProtocol(V3.priv()).privacyPassword(V3.privPassword());
            } else {
                b.community("public");
            }
            try (Session s = b
                    .useLongNames(fl.contains("long")).useNumeric(fl.contains("numeric"))
                    .useSprintValue(fl.contains("sprint")).useEnums(fl.contains("enums")).timeout(2).retries(1)
                    .build()) {
                ours = switch (o.op()) {
                    case "get" -> s.get(o.args());
                    case "getnext" -> s.getNext(o.args());
                    case "getbulk" -> s.getBulk(o.args().subList(2, o.args().size()),
                            Integer.parseInt(o.args().get(0)), Integer.parseInt(o.args().get(1)));
                    case "walk" -> s.walk(o.args().get(0));
                    default -> s.bulkwalk(o.args().get(0));
                };
            }
            int n = Math.max(ours.size(), theirs.size());
            for (int i = 0; i < n; i++) {
                compared++;
                if (i >= ours.size() || i >= theirs.size() || theirs.get(i).length != 4) {
                    mismatches.add(o + " #" + i + ": sizes " + ours.size() + " vs " + theirs.size());
                    continue;
                }
                SnmpVariable v = ours.get(i);
                String[] t = theirs.get(i);
                boolean moving = moving(v);
                boolean same = v.oid().equals(t[0]) && v.oidIndex().equals(t[1]) && v.snmpType().equals(t[2])
                        && (moving ? shape(v.value()).equals(shape(t[3])) : v.value().equals(t[3]));
                if (same) {
                    matched++;
                } else {
                    mismatches.add(o.op() + " v" + o.version() + " " + o.flags() + " #" + i + ": ours ("
                            + v.oid() + ", " + v.oidIndex() + ", " + v.snmpType() + ", " + v.value() + ") easysnmp ("
                            + String.join(", ", t) + ")");
                }
            }
        }
        double rate = compared == 0 ? 0 : (double) matched / compared;
        System.out.printf("easysnmp differential: %d of %d variables match (%.1f%%)%n", matched, compared, 100 * rate);
        mismatches.stream().limit(40).forEach(m -> System.out.println("  mismatch: " + m));
        assertTrue(compared > 500, "too few variables compared: " + compared);
        assertTrue(mismatches.isEmpty(), String.format("match rate %.1f%%; first mismatches: %s", 100 * rate,
                mismatches.subList(0, Math.min(10, mismatches.size()))));
    }
}
