package io.varbind.cli;

import io.varbind.Session;
import io.varbind.SnmpVariable;
import io.varbind.codec.VarBind;
import io.varbind.format.OutputOptions;
import io.varbind.mib.MibTree;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What get, getnext, bulkget, walk, bulkwalk and set share: Net-SNMP's options mapped onto a
 * {@link Session}, and the output of its results. A thin shell over the public API.
 */
abstract class SnmpCommand implements Callable<Integer> {
    @ParentCommand
    VarbindCommand parent;

    @Mixin
    SnmpOptions snmp;

    @Mixin
    MibOptions mib;

    @Mixin
    LogOptions log;

    private MibTree tree;
    private NetSnmpOutput output;

    MibTree tree() {
        if (tree == null) {
            tree = mib.tree();
        }
        return tree;
    }

    NetSnmpOutput output() {
        if (output == null) {
            OutputOptions o;
            try {
                o = OutputOptions.parse(String.join("", snmp.outputFlags));
            } catch (IllegalArgumentException e) {
                throw new UsageException("-O: " + e.getMessage());
            }
            output = new NetSnmpOutput(tree(), o);
        }
        return output;
    }

    /** A session for {@code agent} with the options given; numeric names and plain values, for exact formatting. */
    Session session(String agent) {
        Session.Builder b = Session.builder().hostname(agent).version(snmp.versionNumber()).community(snmp.community)
                .timeout(snmp.timeout).retries(snmp.retries).mibs(tree()).useNumeric(true);
        if (snmp.securityLevel != null) {
            b.securityLevel(snmp.securityLevel);
        }
        if (snmp.user != null) {
            b.securityUsername(snmp.user);
        }
        if (snmp.authProtocol != null) {
            b.authProtocol(snmp.authProtocol);
        }
        if (snmp.authPassword != null) {
            b.authPassword(snmp.authPassword);
        }
        if (snmp.privProtocol != null) {
            b.privacyProtocol(snmp.privProtocol);
        }
        if (snmp.privPassword != null) {
            b.privacyPassword(snmp.privPassword);
        }
        if (snmp.securityEngineId != null) {
            b.securityEngineId(snmp.securityEngineId);
        }
        if (snmp.contextEngineId != null) {
            b.contextEngineId(snmp.contextEngineId);
        }
        if (snmp.context != null) {
            b.context(snmp.context);
        }
        if (snmp.bootsTime != null) {
            String[] bt = snmp.bootsTime.split(",");
            if (bt.length != 2) {
                throw new UsageException("-Z " + snmp.bootsTime + ": BOOTS,TIME expected");
            }
            b.engineBoots(Integer.parseInt(bt[0].trim())).engineTime(Integer.parseInt(bt[1].trim()));
        }
        var tp = snmp.transportParameters();
        if (tp.containsKey("our_identity")) {
            b.ourIdentity(tp.get("our_identity"));
        }
        if (tp.containsKey("their_identity")) {
            b.theirIdentity(tp.get("their_identity"));
        }
        if (tp.containsKey("their_hostname")) {
            b.theirHostname(tp.get("their_hostname"));
        }
        if (tp.containsKey("trust_cert")) {
            b.trustCert(tp.get("trust_cert"));
        }
        if (tp.containsKey("allow_tls10")) {
            String v = tp.get("allow_tls10").toLowerCase(java.util.Locale.ROOT);
            if (!List.of("yes", "no", "true", "false", "1", "0").contains(v)) {
                throw new UsageException("-T allow_tls10=" + v + ": yes or no");
            }
            b.allowTls10(v.equals("yes") || v.equals("true") || v.equals("1"));
        }
        try {
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    void print(List<SnmpVariable> vars) {
        for (SnmpVariable v : vars) {
            print(Received.varBind(v));
        }
        parent.out.flush();
    }

    void print(VarBind vb) {
        parent.out.println(snmp.json ? output().json(vb) : output().line(vb));
    }
}
