package io.varbind.cli;

import io.varbind.Session;
import io.varbind.SnmpVariable;
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

        int walk(boolean bulk, int maxRepetitions) {
            long start = System.nanoTime();
            AtomicInteger seen = new AtomicInteger();
            AtomicInteger batches = new AtomicInteger();
            boolean progress = System.console() != null;
            try (Session s = session(agent)) {
                CompletableFuture<io.varbind.engine.Walk.WalkSummary> done = s.walkStreaming(oid, bulk, maxRepetitions, batch -> {
                    synchronized (this) {
                        for (SnmpVariable v : batch) {
                            print(Received.varBind(v));
                        }
                        parent.out.flush();
                        seen.addAndGet(batch.size());
                        batches.incrementAndGet();
                    }
                });
                while (true) {
                    try {
                        io.varbind.engine.Walk.WalkSummary summary = done.get(500, TimeUnit.MILLISECONDS);
                        if (summary.endingException() != null) {
                            print(summary.endingException()); // as snmpwalk prints the binding that ended it
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
        @Override
        public Integer call() {
            return walk(false, 0);
        }
    }

    @Command(name = "bulkwalk", mixinStandardHelpOptions = true,
            description = "Walks a subtree with GETBULK (as snmpbulkwalk); default .1.3.6.1.2.1.")
    static final class BulkWalk extends WalkBase {
        @Option(names = "-Cr", paramLabel = "N", description = "max-repetitions per request (default 10)")
        int maxRepetitions = 10;

        @Override
        public Integer call() {
            return walk(true, maxRepetitions);
        }
    }

}
