package io.varbind.cli;

import io.varbind.mib.MibLookupException;
import io.varbind.mib.MibTree;
import io.varbind.mib.OidFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code ./varbind translate}: Net-SNMP's {@code snmptranslate} for names and OIDs. */
@Command(name = "translate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Translates MIB names to OIDs and back, as snmptranslate does.")
final class TranslateCommand implements Callable<Integer> {

    @ParentCommand
    VarbindCommand parent;

    @Mixin
    MibOptions mibs;

    @Option(names = "-O", paramLabel = "n|f|s", description = "n numeric, f full names, s short names (default: MODULE::name)")
    List<String> output = new ArrayList<>();

    @Option(names = "-I", paramLabel = "R", description = "R: random access to names (snmptranslate's -IR; always on here)")
    List<String> input = new ArrayList<>();

    @Parameters(paramLabel = "NAME_OR_OID", arity = "1..*", description = "sysDescr.0, SNMPv2-MIB::sysUpTime, .1.3.6.1.2.1.2.2.1.2.1, ...")
    List<String> names = new ArrayList<>();

    @Override
    public Integer call() {
        OidFormat.Style style = OidFormat.Style.MODULE;
        for (char c : String.join("", output).toCharArray()) {
            switch (c) {
                case 'n' -> style = OidFormat.Style.NUMERIC;
                case 'f' -> style = OidFormat.Style.FULL;
                case 's' -> style = OidFormat.Style.SHORT;
                default -> throw new UsageException("translate -O" + c + ": only n, f and s apply to names");
            }
        }
        for (char c : String.join("", input).toCharArray()) {
            if (c != 'R') {
                throw new UsageException("translate -I" + c + ": only R applies (names are always looked up anywhere)");
            }
        }
        MibTree tree = mibs.tree();
        int status = Main.EXIT_OK;
        for (String name : names) {
            try {
                parent.out.println(OidFormat.translate(tree, name, style));
            } catch (MibLookupException | IllegalArgumentException e) {
                parent.err.println("varbind translate: " + name + ": " + Errors.describe(e));
                status = Main.EXIT_ERROR;
            }
        }
        return status;
    }
}
