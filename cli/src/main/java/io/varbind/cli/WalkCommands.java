package io.varbind.cli;

import io.varbind.Session;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code walk} (GETNEXT) and {@code bulkwalk} (GETBULK): lines stream out as answers arrive. */
final class WalkCommands {
    private WalkCommands() {
    }

    /** The subtree a walk without an OID reads (mib-2), as snmpwalk's default. */
    static final String DEFAULT_OID = ".1.3.6.1.2.1";

    abstract static class WalkBase extends SnmpCommand {
        @Parameters(index = "0", paramLabel = "AGENT")
        String agent;

        @Parameters(index = "1", arity = "0..1", paramLabel = "OID", defaultValue = DEFAULT_OID)
        String oid;

        @Option(names = "-Ci", description = "include the given OID in the search range (a GET of it first)")
        boolean includeRoot;

        @Option(names = "-Cp", description = "print the number of variables found")
        boolean printCount;

        /** Whether a walk that printed nothing GETs the OID itself, as snmpwalk does unless -CI. */
        boolean getWhenEmpty() {
            return true;
        }

        /**
         * snmpwalk's GET of the walk's own OID (-Ci first, or after a walk that printed nothing):
         * every varbind of an answer without an error status printed, an error answer silently
         * dropped. Returns how many were printed.
         */
        private int getAndPrint(Session s) {
            ReceivedLines received = new ReceivedLines();
            io.varbind.engine.Response r = s.getVarBinds(List.of(oid), received).join();
            if (r.pdu().errorStatus() != 0) {
                return 0;
            }
            for (String line : received.lines) {
                parent.out.println(line);
            }
            parent.out.flush();
            return received.lines.size();
        }

        int walk(boolean bulk, int maxRepetitions) {
            long start = System.nanoTime();
            AtomicInteger seen = new AtomicInteger();
            AtomicInteger batches = new AtomicInteger();
            boolean progress = System.console() != null;
            int printed = 0;
            try (Session s = session(agent)) {
                if (includeRoot) {
                    printed += getAndPrint(s);
                }
                // printed from what the engine received: each varbind read from the answer's octets
                CompletableFuture<io.varbind.engine.Walk.WalkSummary> done = s.walkVarBinds(oid, bulk, maxRepetitions,
                        new io.varbind.engine.VarBindSink() {
                            private int inAnswer;

                            @Override
                            public void accept(io.varbind.codec.VarBindCursor c, int[] arcs, int len) {
                                String line = format(java.util.Arrays.copyOf(arcs, len), c.value());
                                synchronized (WalkBase.this) {
                                    parent.out.println(line);
                                }
                                inAnswer++;
                            }

                            @Override
                            public void accept(io.varbind.codec.VarBind vb) {
                                synchronized (WalkBase.this) {
                                    print(vb);
                                }
                                inAnswer++;
                            }

                            @Override
                            public void endOfResponse() {
                                synchronized (WalkBase.this) {
                                    parent.out.flush();
                                }
                                seen.addAndGet(inAnswer);
                                inAnswer = 0;
                                batches.incrementAndGet();
                            }
                        });
                while (true) {
                    try {
                        io.varbind.engine.Walk.WalkSummary summary = done.get(500, TimeUnit.MILLISECONDS);
                        printed += summary.varBinds();
                        if (summary.endingException() != null) {
                            print(summary.endingException()); // as snmpwalk prints the binding that ended it
                            printed++;
                        } else if (summary.endOfMib()) {
                            parent.out.println("End of MIB"); // snmpwalk's line for a v1 noSuchName end
                        }
                        break;
                    } catch (TimeoutException stillWalking) {
                        if (progress) {
                            parent.err.printf("\r%d varbinds, %d responses, %.1f s ", seen.get(), batches.get(),
                                    (System.nanoTime() - start) / 1e9);
                            parent.err.flush();
                        }
                    }
                }
                if (progress && System.nanoTime() - start > 500_000_000L) {
                    parent.err.print("\r\033[K");
                    parent.err.flush();
                }
                if (printed == 0 && getWhenEmpty()) {
                    printed += getAndPrint(s); // perhaps the OID names an instance: snmpwalk GETs it
                }
                if (printCount) {
                    parent.out.println("Variables found: " + printed);
                }
                parent.out.flush();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException re ? re : new CliException(Errors.describe(e));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CliException("interrupted");
            }
            return Main.EXIT_OK;
        }
    }

    @Command(name = "walk", mixinStandardHelpOptions = true,
            description = "Walks a subtree with GETNEXT (as snmpwalk); default .1.3.6.1.2.1.")
    static final class Walk extends WalkBase {
        @Option(names = "-CI", description = "do not GET the given OID when the walk finds nothing")
        boolean dontGet;

        @Override
        boolean getWhenEmpty() {
            return !dontGet;
        }

        @Override
        public Integer execute() {
            return walk(false, 0);
        }
    }

    @Command(name = "bulkwalk", mixinStandardHelpOptions = true,
            description = "Walks a subtree with GETBULK (as snmpbulkwalk); default .1.3.6.1.2.1.")
    static final class BulkWalk extends WalkBase {
        @Option(names = "-Cr", paramLabel = "N", description = "max-repetitions per request (default 10)")
        int maxRepetitions = 10;

        @Override
        public Integer execute() {
            return walk(true, maxRepetitions);
        }
    }

}
