package io.varbind.mib;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Agreement with libsmi ({@code smidump -f xml}) on a sample of the standard set: every node's
 * OID, and for objects the named type, enumerations, ranges/sizes, INDEX/AUGMENTS; for typedefs
 * the DISPLAY-HINT.
 */
class LibsmiOracleTest {
    static Path dir;
    static MibTree tree;

    @BeforeAll
    static void load() {
        dir = MibTestSupport.standardMibs();
        MibTestSupport.requireTool("smidump");
        tree = MibTree.of(List.of(dir), false);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IF-MIB", "SNMPv2-MIB", "IP-MIB", "HOST-RESOURCES-MIB", "UCD-SNMP-MIB",
        "NET-SNMP-EXTEND-MIB", "SNMP-VIEW-BASED-ACM-MIB", "SNMP-USER-BASED-SM-MIB", "DISMAN-EVENT-MIB", "TCP-MIB",
        "SNMPv2-TC", "INET-ADDRESS-MIB", "SNMP-TARGET-MIB", "NOTIFICATION-LOG-MIB", "ENTITY-MIB-absent-is-skipped"})
    void moduleAgreesWithSmidump(String module) throws Exception {
        if (tree.module(module) == null) {
            return; // not in this standard set
        }
        List<String> cmd = MibTestSupport.cmd("smidump", "-k", "-f", "xml", module);
        String xml = runWithSmiPath(cmd);
        assertTrue(xml.contains("<smi"), "smidump gave no XML for " + module);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(false);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        MibModule mod = tree.module(module);
        List<String> diffs = new ArrayList<>();
        int checked = 0;
        NodeList all = doc.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String name = e.getAttribute("name");
            String oid = e.getAttribute("oid");
            if (!oid.isEmpty() && !name.isEmpty()) {
                MibNode n = mod.node(name);
                if (n == null || !n.oidString().equals(oid)) {
                    diffs.add(name + ": oid " + (n == null ? "missing" : n.oidString()) + " vs " + oid);
                    continue;
                }
                checked++;
                compareObject(e, n, diffs);
            } else if (e.getTagName().equals("typedef") && !name.isEmpty()) {
                MibType t = mod.types().get(name);
                if (t == null) {
                    diffs.add("type " + name + " missing");
                    continue;
                }
                String format = childText(e, "format");
                if (!Objects.equals(format, t.hint())) {
                    diffs.add("type " + name + ": hint " + t.hint() + " vs " + format);
                }
                checked++;
            }
        }
        assertTrue(checked > 5, module + ": only " + checked + " definitions compared");
        assertEquals(List.of(), diffs, module);
    }

    private static String runWithSmiPath(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("SMIPATH", dir.toString());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        p.waitFor();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static void compareObject(Element e, MibNode n, List<String> diffs) {
        Element syntax = child(e, "syntax");
        if (syntax != null) {
            Element type = child(syntax, "type");
            Element typedef = child(syntax, "typedef");
            if (type != null) {
                String m = type.getAttribute("module");
                String tn = type.getAttribute("name");
                boolean base = m.isEmpty() || m.equals("SNMPv2-SMI") || m.equals("RFC1155-SMI");
                String ours = n.tc();
                if (base ? ours != null : !(m + "::" + tn).equals(ours)) {
                    diffs.add(n.name() + ": type " + ours + " vs " + m + "::" + tn);
                }
            } else if (typedef != null) {
                Element parent = child(typedef, "parent");
                if (parent != null) {
                    String p = parent.getAttribute("module") + "::" + parent.getAttribute("name");
                    boolean base = parent.getAttribute("module").equals("SNMPv2-SMI");
                    if (base ? n.tc() != null : !p.equals(n.tc())) {
                        diffs.add(n.name() + ": parent type " + n.tc() + " vs " + p);
                    }
                }
                Map<String, Long> theirs = new LinkedHashMap<>();
                NodeList nn = typedef.getElementsByTagName("namednumber");
                for (int k = 0; k < nn.getLength(); k++) {
                    Element x = (Element) nn.item(k);
                    theirs.put(x.getAttribute("name"), Long.parseLong(x.getAttribute("number")));
                }
                Map<String, Long> ours = new LinkedHashMap<>();
                n.enums().forEach((v, l) -> ours.put(l, v));
                n.bits().forEach((l, v) -> ours.put(l, (long) v));
                if (!theirs.isEmpty() && !theirs.equals(ours)) {
                    diffs.add(n.name() + ": enums " + ours + " vs " + theirs);
                }
                NodeList rr = typedef.getElementsByTagName("range");
                if (rr.getLength() > 0) {
                    StringBuilder t = new StringBuilder();
                    for (int k = 0; k < rr.getLength(); k++) {
                        Element x = (Element) rr.item(k);
                        t.append(x.getAttribute("min")).append("..").append(x.getAttribute("max")).append(' ');
                    }
                    List<long[]> r = n.sizes().isEmpty() ? n.ranges() : n.sizes();
                    // libsmi joins adjacent ranges ((-1 | 0..10) is -1..10); Net-SNMP keeps them as written
                    List<long[]> joined = new ArrayList<>();
                    for (long[] x : r) {
                        long[] last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
                        if (last != null && last[1] + 1 == x[0]) {
                            joined.set(joined.size() - 1, new long[] {last[0], x[1]});
                        } else {
                            joined.add(x);
                        }
                    }
                    StringBuilder o = new StringBuilder();
                    for (long[] x : joined) {
                        o.append(x[0]).append("..").append(x[1]).append(' ');
                    }
                    if (!t.toString().equals(o.toString())) {
                        diffs.add(n.name() + ": ranges " + o + "vs " + t);
                    }
                }
            }
        }
        Element linkage = child(e, "linkage");
        if (linkage != null) {
            List<String> idx = new ArrayList<>();
            NodeList ii = linkage.getElementsByTagName("index");
            for (int k = 0; k < ii.getLength(); k++) {
                idx.add(((Element) ii.item(k)).getAttribute("name"));
            }
            Element aug = child(linkage, "augments");
            if (aug != null) {
                if (!aug.getAttribute("name").equals(n.augments())) {
                    diffs.add(n.name() + ": augments " + n.augments() + " vs " + aug.getAttribute("name"));
                }
            } else if (!idx.equals(n.index())) {
                diffs.add(n.name() + ": index " + n.index() + " vs " + idx);
            }
            boolean implied = "true".equals(linkage.getAttribute("implied"));
            if (implied != n.implied()) {
                diffs.add(n.name() + ": implied " + n.implied() + " vs " + implied);
            }
        }
    }

    private static Element child(Element e, String tag) {
        for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
            if (c instanceof Element x && x.getTagName().equals(tag)) {
                return x;
            }
        }
        return null;
    }

    private static String childText(Element e, String tag) {
        Element c = child(e, tag);
        return c == null ? null : c.getTextContent().trim();
    }
}
