package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code mib dump --format jsonl} lines (CLI.md). */
class MibDumpTest {
    static final MibTree T = MibTree.builtIn();

    private static String line(List<String> lines, String name) {
        return lines.stream().filter(l -> l.contains("\"name\":\"" + name + "\"")).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not dumped"));
    }

    @Test
    void nodesAndTypesOfTheSelectedModules() {
        StringBuilder sb = new StringBuilder();
        MibDump.writeJsonl(T, List.of("IF-MIB", "SNMPv2-TC"), sb);
        List<String> lines = List.of(sb.toString().split("\n"));
        int expected = T.module("IF-MIB").nodes().size() + T.module("IF-MIB").types().size()
                + T.module("SNMPv2-TC").nodes().size() + T.module("SNMPv2-TC").types().size();
        assertEquals(expected, lines.size());
        assertTrue(lines.stream().allMatch(l -> l.startsWith("{\"module\":\"IF-MIB\"") || l.startsWith("{\"module\":\"SNMPv2-TC\"")));
        assertEquals("{\"module\":\"IF-MIB\",\"name\":\"ifEntry\",\"oid\":\"1.3.6.1.2.1.2.2.1\",\"kind\":\"object-type\","
                + "\"nodetype\":\"row\",\"access\":\"not-accessible\",\"status\":\"current\",\"index\":[\"ifIndex\"],"
                + "\"implied\":false}", line(lines, "ifEntry"));
        String adm = line(lines, "ifAdminStatus");
        assertTrue(adm.contains("\"base\":\"INTEGER\",\"enums\":{\"up\":1,\"down\":2,\"testing\":3}"), adm);
        assertTrue(adm.contains("\"nodetype\":\"column\""), adm);
        assertTrue(adm.contains("\"access\":\"read-write\""), adm);
        String ds = line(lines, "DisplayString");
        assertEquals("{\"module\":\"SNMPv2-TC\",\"name\":\"DisplayString\",\"oid\":null,\"kind\":\"tc\",\"base\":\"OCTET STRING\","
                + "\"hint\":\"255a\",\"sizes\":[[0,255]],\"status\":\"current\"}", ds);
        String linkDown = line(lines, "linkDown");
        assertTrue(linkDown.contains("\"kind\":\"notification\"") && linkDown.contains("\"objects\":[\"ifIndex\",\"ifAdminStatus\",\"ifOperStatus\"]"), linkDown);
        String group = line(lines, "ifGeneralInformationGroup");
        assertTrue(group.contains("\"nodetype\":\"group\"") && group.contains("\"members\":[\"ifIndex\""), group);
        String alias = line(lines, "ifAlias");
        assertTrue(alias.contains("\"tc\":\"SNMPv2-TC::DisplayString\"") && alias.contains("\"sizes\":[[0,64]]"), alias);
    }

    @Test
    void allModulesWhenNoneNamedAndValidJsonEscapes() {
        StringBuilder sb = new StringBuilder();
        MibDump.writeJsonl(T, null, sb);
        long count = sb.chars().filter(c -> c == '\n').count();
        int expected = T.modules().values().stream().mapToInt(m -> m.nodes().size() + m.types().size()).sum();
        assertEquals(expected, count);
        StringBuilder e = new StringBuilder();
        MibDump.str(e, "a\"b\\c\n\u0001");
        assertEquals("\"a\\\"b\\\\c\\n\\u0001\"", e.toString());
        assertTrue(List.of(sb.toString().split("\n")).stream().collect(Collectors.toSet()).size() > 3000);
    }
}
