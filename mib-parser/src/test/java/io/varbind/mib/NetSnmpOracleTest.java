package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Agreement with Net-SNMP on the standard set: every (label, OID) of {@code snmptranslate -Tz},
 * and syntax, enumerations, ranges/sizes, DISPLAY-HINT, TC, INDEX and AUGMENTS of {@code -Td}
 * for every OBJECT-TYPE. Also the name forms of {@code snmptranslate -On/-Of}.
 */
class NetSnmpOracleTest {
    static Path dir;
    static MibTree tree;

    @BeforeAll
    static void load() {
        dir = MibTestSupport.standardMibs();
        MibTestSupport.requireTool("snmptranslate");
        tree = MibTree.of(List.of(dir), false);
    }

    private static List<String> snmptranslate(String... args) {
        List<String> c = MibTestSupport.cmd("snmptranslate", "-M", dir.toString(), "-m", "+ALL");
        c.addAll(List.of(args));
        return c;
    }

    @Test
    void everyLabelAndOidAgreesWithSnmptranslateTz() {
        String out = MibTestSupport.run(snmptranslate("-Tz"));
        Map<String, Set<String>> ours = new HashMap<>();
        for (MibModule m : tree.modules().values()) {
            for (MibNode n : m.nodes()) {
                ours.computeIfAbsent(n.name(), k -> new HashSet<>()).add(n.oidString());
            }
        }
        Set<String> theirs = new HashSet<>();
        List<String> missing = new ArrayList<>();
        for (String line : out.split("\n")) {
            String[] p = line.split("\"");
            if (p.length < 4) {
                continue;
            }
            theirs.add(p[1] + "=" + p[3]);
            if (!ours.getOrDefault(p[1], Set.of()).contains(p[3])) {
                missing.add(p[1] + " " + p[3]);
            }
        }
        assertTrue(theirs.size() > 3000, "snmptranslate -Tz gave " + theirs.size() + " nodes");
        List<String> extra = new ArrayList<>();
        ours.forEach((label, oids) -> oids.forEach(o -> {
            if (!theirs.contains(label + "=" + o)) {
                extra.add(label + " " + o);
            }
        }));
        assertEquals(List.of(), missing, "nodes Net-SNMP has and we do not");
        assertEquals(List.of(), extra, "nodes we have and Net-SNMP does not");
    }

    private static final Pattern ENUM = Pattern.compile("([A-Za-z][A-Za-z0-9_-]*)\\((-?\\d+)\\)");

    @Test
    void syntaxHintIndexAgreeWithSnmptranslateTd() {
        List<MibNode> objects = new ArrayList<>();
        for (MibNode n : tree.nodes()) {
            if (n.mibKind() == MibKind.OBJECT_TYPE) {
                objects.add(n);
            }
        }
        assertTrue(objects.size() > 2000);
        List<String> mismatches = new ArrayList<>();
        int compared = 0;
        for (int from = 0; from < objects.size(); from += 600) {
            List<MibNode> batch = objects.subList(from, Math.min(objects.size(), from + 600));
            List<String> c = snmptranslate("-Td");
            for (MibNode n : batch) {
                c.add(n.oidString());
            }
            Map<String, Map<String, String>> blocks = parseTd(MibTestSupport.run(c));
            for (MibNode n : batch) {
                Map<String, String> b = blocks.get(n.name());
                if (b == null) {
                    mismatches.add(n + ": no -Td block");
                    continue;
                }
                compared++;
                compare(n, b, mismatches);
            }
        }
        assertTrue(compared > 2000);
        assertEquals(List.of(), mismatches.subList(0, Math.min(40, mismatches.size())),
                mismatches.size() + " mismatches");
    }

    /** label -> field -> value, from -Td output (fields after DESCRIPTION are ignored up to "::="). */
    static Map<String, Map<String, String>> parseTd(String out) {
        Map<String, Map<String, String>> blocks = new HashMap<>();
        Map<String, String> cur = null;
        boolean inDescr = false;
        for (String line : out.split("\n")) {
            if (line.matches("^[A-Za-z][\\w-]* OBJECT-TYPE$")) {
                cur = new LinkedHashMap<>();
                blocks.put(line.substring(0, line.indexOf(' ')), cur);
                inDescr = false;
                continue;
            }
            if (cur == null) {
                continue;
            }
            if (line.startsWith("::=")) {
                cur = null;
                continue;
            }
            if (line.startsWith("  DESCRIPTION")) {
                inDescr = true;
            } else if (line.startsWith("  INDEX") || line.startsWith("  AUGMENTS") || line.startsWith("  DEFVAL")) {
                inDescr = false;
            }
            if (inDescr) {
                continue;
            }
            if (line.startsWith("  -- TEXTUAL CONVENTION ")) {
                cur.put("TC", line.substring(24).trim());
            } else if (line.startsWith("  ") && line.indexOf('\t') > 0 && !line.startsWith("  --")) {
                cur.put(line.substring(2, line.indexOf('\t')).trim(), line.substring(line.indexOf('\t')).trim());
            }
        }
        return blocks;
    }

    private static void compare(MibNode n, Map<String, String> b, List<String> out) {
        String syntax = b.get("SYNTAX");
        if (syntax != null) {
            Map<String, Long> theirEnums = new LinkedHashMap<>();
            int brace = syntax.indexOf('{');
            String head = brace >= 0 ? syntax.substring(0, brace) : syntax;
            if (brace >= 0) {
                Matcher m = ENUM.matcher(syntax.substring(brace));
                while (m.find()) {
                    theirEnums.put(m.group(1), Long.parseLong(m.group(2)));
                }
            }
            Map<String, Long> ourEnums = new LinkedHashMap<>();
            n.enums().forEach((v, l) -> ourEnums.put(l, v));
            n.bits().forEach((l, v) -> ourEnums.put(l, (long) v));
            if (!theirEnums.equals(ourEnums)) {
                out.add(n + ": enums " + ourEnums + " vs " + theirEnums);
            }
            int paren = head.indexOf('(');
            String base = (paren >= 0 ? head.substring(0, paren) : head).trim();
            if (!sameBase(n.baseType(), base)) {
                out.add(n + ": base " + n.baseType() + " vs " + base);
            }
            if (paren >= 0 && !head.contains("(UCD-SNMP-MIB)")) {
                String theirRanges = head.substring(paren).replace(" ", "");
                List<long[]> r = n.sizes().isEmpty() ? n.ranges() : n.sizes();
                StringBuilder sb = new StringBuilder("(");
                for (int i = 0; i < r.size(); i++) {
                    sb.append(i == 0 ? "" : "|").append(r.get(i)[0]);
                    if (r.get(i)[0] != r.get(i)[1]) {
                        sb.append("..").append(r.get(i)[1]);
                    }
                }
                sb.append(')');
                if (!sb.toString().equals(theirRanges)) {
                    out.add(n + ": ranges " + sb + " vs " + theirRanges);
                }
            }
        } else if (n.baseType() != null) {
            out.add(n + ": we have a syntax " + n.baseType() + ", Net-SNMP none");
        }
        String hint = b.get("DISPLAY-HINT");
        String theirHint = hint == null ? null : hint.substring(1, hint.length() - 1);
        if (!java.util.Objects.equals(theirHint, n.hint())) {
            out.add(n + ": hint " + n.hint() + " vs " + theirHint);
        }
        String tc = b.get("TC");
        String ourTc = n.tc() == null ? null : n.tc().substring(n.tc().indexOf("::") + 2);
        if (tc != null && !tc.equals(ourTc)) {
            out.add(n + ": tc " + ourTc + " vs " + tc);
        }
        String index = b.get("INDEX");
        String ourIndex = n.index().isEmpty() ? null
                : "{ " + (n.implied() ? String.join(", ", n.index().subList(0, n.index().size() - 1))
                        + (n.index().size() > 1 ? ", " : "") + "IMPLIED " + n.index().get(n.index().size() - 1)
                        : String.join(", ", n.index())) + " }";
        if (!java.util.Objects.equals(index, ourIndex)) {
            out.add(n + ": index " + ourIndex + " vs " + index);
        }
        String aug = b.get("AUGMENTS");
        String ourAug = n.augments() == null ? null : "{ " + n.augments() + " }";
        if (!java.util.Objects.equals(aug, ourAug)) {
            out.add(n + ": augments " + ourAug + " vs " + aug);
        }
    }

    private static boolean sameBase(String ours, String theirs) {
        if (ours == null) {
            return theirs.isEmpty();
        }
        if (ours.equals(theirs)) {
            return true;
        }
        // Net-SNMP prints Gauge32 and Unsigned32 alike, and SMIv1 Counter/Gauge by their SMIv2 names
        return (ours.equals("Unsigned32") || ours.equals("Gauge32")) && (theirs.equals("Gauge32") || theirs.equals("Unsigned32"));
    }

    @Test
    void translationsAgreeWithSnmptranslate() {
        String[] specs = {"sysDescr.0", "SNMPv2-MIB::sysDescr.0", ".1.3.6.1.2.1.1.1.0", "1.3.6.1.2.1.1.1.0",
            ".iso.org.dod.internet.mgmt.mib-2.system.sysDescr.0", "system.sysName.0", "nsExtendOutput1Line.\"hello\"",
            "ifDescr.1", "ipAdEntAddr.127.0.0.1", "sysUpTime.0", "vacmGroupName.1.\"hello\"", "ifTable",
            ".1.3.6.1.4.1.2021.10.1.6.1", ".1.3.6.1.6.3.15.1.2.2.1.3.5.1.2.3.4.5.3.98.111.98",
            ".1.3.6.1.6.3.15.1.2.2.1.3.0.3.98.111.98", ".1.3.6.1.6.3.13.1.2.1.1.98.111.98",
            ".1.3.6.1.6.3.12.1.2.1.2.1.2.65.66", ".1.3.6.1.2.1.92.1.3.1.1.3.1.2.3.1.2",
            ".1.3.6.1.6.3.16.1.2.1.3.1.7.104.101.108.108.111", ".1.3.6.1.2.1.2.2.1.8.7",
            ".1.3.6.1.4.1.8072.1.3.2.2.1.21.4.116.101.115.116", ".1.3.6.1.2.1.6.13.1.1.10.0.0.1.22.10.0.0.2.40000",
            ".1.3.6.1.2.1.25.2.3.1.3.31", ".1.3.6.1.6.3.16.1.5.2.1.6.3.97.108.108.3.1.3.6", ".1.3.6.1.2.1.1.9.1.2.1"};
        for (String spec : specs) {
            boolean symbolic = !spec.startsWith(".") && !Character.isDigit(spec.charAt(0));
            // -IR (random access) refuses numeric OIDs
            String numeric = one(symbolic ? snmptranslate("-IR", "-On", spec) : snmptranslate("-On", spec));
            assertTrue(numeric.startsWith(".1"), spec + " -> " + numeric);
            assertEquals(numeric, OidFormat.translate(tree, spec, OidFormat.Style.NUMERIC), spec);
            assertEquals(one(snmptranslate("-Of", numeric)), OidFormat.translate(tree, numeric, OidFormat.Style.FULL), spec);
            assertEquals(one(snmptranslate(numeric)), OidFormat.translate(tree, numeric, OidFormat.Style.MODULE), spec);
            assertEquals(one(snmptranslate("-Os", numeric)), OidFormat.translate(tree, numeric, OidFormat.Style.SHORT), spec);
        }
    }

    @Test
    void nameCollisionsResolveAsNetSnmpResolvesThem() {
        Map<String, Set<String>> oids = new HashMap<>();
        for (MibModule m : tree.modules().values()) {
            for (MibNode n : m.nodes()) {
                oids.computeIfAbsent(n.name(), k -> new HashSet<>()).add(n.oidString());
            }
        }
        int checked = 0;
        for (Map.Entry<String, Set<String>> e : oids.entrySet()) {
            if (e.getValue().size() > 1) {
                String theirs = one(snmptranslate("-IR", "-On", e.getKey()));
                assertEquals(theirs, "." + tree.node(e.getKey()).oidString(), e.getKey() + " defined at " + e.getValue());
                checked++;
            }
        }
        assertTrue(checked > 5, "collisions checked: " + checked);
    }

    /** snmptranslate's default (MODULE::name) form of each OID under {@code -m mibs}, in order. */
    private static List<String> translateAll(String mibs, List<String> numericOids) {
        List<String> out = new ArrayList<>();
        for (int from = 0; from < numericOids.size(); from += 400) {
            List<String> c = MibTestSupport.cmd("snmptranslate", "-M", dir.toString(), "-m", mibs);
            c.addAll(numericOids.subList(from, Math.min(numericOids.size(), from + 400)));
            for (String line : MibTestSupport.run(c).split("\n")) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        }
        return out;
    }

    @Test
    void everyNodeIsNamedAfterTheModuleNetSnmpChoosesUnderMinusMAllAndPlusAll() {
        for (String mibs : List.of("ALL", "+ALL")) {
            MibTree t = MibTree.of(List.of(dir), false, MibTree.loadOrder(mibs));
            List<String> numeric = new ArrayList<>();
            for (MibNode n : t.nodes()) {
                numeric.add("." + n.oidString());
            }
            List<String> theirs = translateAll(mibs, numeric);
            assertEquals(numeric.size(), theirs.size(), "snmptranslate -m " + mibs + " answered every OID");
            List<String> wrong = new ArrayList<>();
            for (int i = 0; i < numeric.size(); i++) {
                String ours = OidFormat.translate(t, numeric.get(i), OidFormat.Style.MODULE);
                if (!ours.equals(theirs.get(i))) {
                    wrong.add(numeric.get(i) + ": ours " + ours + ", snmptranslate " + theirs.get(i));
                }
            }
            assertTrue(numeric.size() > 3000, "nodes: " + numeric.size());
            assertEquals(List.of(), wrong, "-m " + mibs);
        }
    }

    /** {@code type.length.octets} of an InetAddressType and InetAddress index pair. */
    private static String address(int type, int... octets) {
        StringBuilder sb = new StringBuilder().append(type).append('.').append(octets.length);
        for (int o : octets) {
            sb.append('.').append(o);
        }
        return sb.toString();
    }

    @Test
    void inetAddressIndexesRenderAsNetSnmpRendersThem() {
        int[] v4 = {192, 0, 2, 1};
        int[] v6 = {0xfe, 0x80, 0, 0, 0, 0, 0, 0, 0x02, 0xfc, 0, 0xff, 0xfe, 0, 0, 1};
        int[] v4z = {10, 1, 2, 3, 0, 0, 1, 2};
        int[] v6z = java.util.stream.IntStream.concat(java.util.Arrays.stream(v6), java.util.stream.IntStream.of(0, 0, 0, 9))
                .toArray();
        List<String> addresses = List.of(address(1, v4), address(2, v6), address(3, v4z), address(4, v6z),
                address(16, 'a', 'b', '.', 'c'), address(0), address(1, 1, 2, 3), address(2, v4), address(1, v6),
                address(4, v6), address(3, v4), address(1, 0, 0, 0, 0), address(2, new int[16]), address(7, 1, 2));
        // the tables whose INDEX has InetAddressType and InetAddress pairs, with their other components
        List<String> prefixes = new ArrayList<>();
        List<String> suffixes = new ArrayList<>();
        prefixes.add("1.3.6.1.2.1.4.34.1.3.");        // ipAddressIfIndex: type, address
        suffixes.add("");
        prefixes.add("1.3.6.1.2.1.4.32.1.5.4.");      // ipAddressPrefixOrigin: ifIndex, type, prefix, length
        suffixes.add(".24");
        prefixes.add("1.3.6.1.2.1.4.35.1.6.2.");      // ipNetToPhysicalType: ifIndex, type, address
        suffixes.add("");
        prefixes.add("1.3.6.1.2.1.4.37.1.2.");        // ipDefaultRouterLifetime: type, address, ifIndex
        suffixes.add(".3");
        prefixes.add("1.3.6.1.2.1.7.7.1.8.");         // udpEndpointProcess: local type/address/port, remote ..., instance
        suffixes.add(".161." + address(1, v4) + ".5000.7");
        prefixes.add("1.3.6.1.2.1.6.19.1.7.2.4.127.0.0.1.22."); // tcpConnectionState: local, then the remote pair
        suffixes.add(".40000");
        prefixes.add("1.3.6.1.2.1.4.24.7.1.7.");      // inetCidrRouteIfIndex: dest pair, length, policy, next hop pair
        suffixes.add(".24.2.0.0." + address(1, v4));
        List<String> numeric = new ArrayList<>();
        for (int t = 0; t < prefixes.size(); t++) {
            for (String a : addresses) {
                numeric.add("." + prefixes.get(t) + a + suffixes.get(t));
            }
        }
        MibTree t = MibTree.of(List.of(dir), false, MibTree.loadOrder("ALL"));
        List<String> theirs = translateAll("ALL", numeric);
        assertEquals(numeric.size(), theirs.size(), String.join("\n", theirs));
        for (int i = 0; i < numeric.size(); i++) {
            assertEquals(theirs.get(i), OidFormat.translate(t, numeric.get(i), OidFormat.Style.MODULE), numeric.get(i));
        }
    }

    private static String one(List<String> cmd) {
        return MibTestSupport.run(cmd).trim();
    }
}
