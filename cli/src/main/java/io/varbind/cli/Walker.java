package io.varbind.cli;

import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import java.io.PrintStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * A subtree walk as snmpwalk/snmpbulkwalk do it: GETNEXT (or GETBULK) from the root until a
 * binding leaves the subtree, the agent signals the end (an exception value, or v1's noSuchName
 * as an empty answer), or an OID fails to increase. Each answer is handed on as it arrives, so
 * output streams; a progress line goes to {@code progress} (stderr on a terminal) for long walks.
 */
final class Walker {

    /** One request of the walk: the bindings after {@code cursor} (empty at the end of the view). */
    interface Step {
        List<VarBind> next(Oid cursor);

        /** A GET of one instance (snmpwalk asks for the root itself when nothing lies under it). */
        VarBind get(Oid oid);
    }

    private final Step step;
    private final Consumer<VarBind> sink;
    private final boolean checkIncreasing;
    private final PrintStream progress;
    private long requests;
    private long count;

    Walker(Step step, Consumer<VarBind> sink, boolean checkIncreasing, PrintStream progress) {
        this.step = step;
        this.sink = sink;
        this.checkIncreasing = checkIncreasing;
        this.progress = progress;
    }

    long requests() {
        return requests;
    }

    /** Walks under {@code root}; returns the number of bindings handed on. */
    long walk(Oid root) {
        long start = System.nanoTime();
        long lastProgress = start;
        boolean shown = false;
        Oid cursor = root;
        boolean done = false;
        try {
            while (!done) {
                requests++;
                List<VarBind> got = step.next(cursor);
                if (got.isEmpty()) {
                    break;
                }
                for (VarBind vb : got) {
                    if (vb.value().isException() || !vb.oid().startsWith(root) || vb.oid().equals(root)) {
                        done = true;
                        break;
                    }
                    if (checkIncreasing && vb.oid().compareTo(cursor) <= 0) {
                        throw new CliException("Error: OID not increasing: ." + cursor + " >= ." + vb.oid());
                    }
                    sink.accept(vb);
                    count++;
                    cursor = vb.oid();
                }
                long now = System.nanoTime();
                if (progress != null && now - lastProgress > 250_000_000L) {
                    lastProgress = now;
                    shown = true;
                    progress.printf("\r%d varbinds, %d requests, %.1f s", count, requests, (now - start) / 1e9);
                    progress.flush();
                }
            }
        } finally {
            if (shown) {
                progress.print("\r\033[K");
                progress.flush();
            }
        }
        if (count == 0) {
            requests++;
            VarBind vb = step.get(root);
            if (vb != null) {
                sink.accept(vb);
                if (!vb.value().isException()) {
                    count++;
                }
            }
        }
        return count;
    }
}
