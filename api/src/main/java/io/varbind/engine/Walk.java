package io.varbind.engine;

import io.varbind.SnmpEngine;
import io.varbind.SnmpException;
import io.varbind.codec.BerTags;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;

/**
 * A walk of one subtree with GETNEXT or GETBULK, request after request, never blocking: it ends
 * at the first OID outside the subtree, at endOfMibView, or at a v1 noSuchName; it fails when the
 * agent's OIDs do not increase ({@link OidNotIncreasingException}); a tooBig answer to GETBULK is
 * asked again with half the repetitions.
 */
public final class Walk {
    private static final int TOO_BIG = 1;
    private static final int NO_SUCH_NAME = 2;

    private final SnmpEngine engine;
    private final Target target;
    private final Oid root;
    private final boolean bulk;
    private final int nonRepeaters;
    private int maxRepetitions;
    private final VarBindSink sink;
    private final CompletableFuture<WalkSummary> done = new CompletableFuture<>();
    private Oid last;
    // the cursor path's state, made once per walk: the responses of a walk come one at a time
    private VarBindCursor cursor;
    private int[] arcs;
    private int[] rootArcs;
    private int[] lastArcs;
    private int lastLen;
    private VarBind endingException;
    private boolean endOfMib;
    private int varBinds;
    private int requests;

    /**
     * What a finished walk did. {@code endingException} is the exception value (endOfMibView,
     * noSuchObject, noSuchInstance) that ended it inside the subtree, or null: Net-SNMP's
     * snmpwalk prints that last binding, easysnmp does not return it. {@code endOfMib} is true
     * when a v1 agent ended it with noSuchName (snmpwalk then prints "End of MIB").
     */
    public record WalkSummary(int varBinds, int requests, VarBind endingException, boolean endOfMib) {
    }

    public Walk(SnmpEngine engine, Target target, Oid root, boolean bulk, int nonRepeaters, int maxRepetitions,
            Consumer<List<VarBind>> sink) {
        this(engine, target, root, bulk, nonRepeaters, maxRepetitions, new Batches(sink));
    }

    /**
     * A walk handing each varbind to {@code sink} as it is read: from the received octets when the
     * engine left them there (v1/v2c), so nothing is built that the caller does not build itself.
     */
    public Walk(SnmpEngine engine, Target target, Oid root, boolean bulk, int nonRepeaters, int maxRepetitions,
            VarBindSink sink) {
        if (bulk && target.version() == 0) {
            throw new SnmpException("GETBULK does not exist in SNMPv1");
        }
        if (bulk && (maxRepetitions < 0 || nonRepeaters < 0)) {
            throw new IllegalArgumentException("non-repeaters and max-repetitions must not be negative");
        }
        this.engine = engine;
        this.target = target;
        this.root = root;
        this.bulk = bulk;
        this.nonRepeaters = Math.max(0, nonRepeaters);
        this.maxRepetitions = maxRepetitions;
        this.sink = sink;
        this.last = root;
    }

    public CompletableFuture<WalkSummary> start() {
        step();
        return done;
    }

    private void step() {
        // sent as asked, as easysnmp does: 0 repetitions usually gets an empty answer, which ends the
        // walk; a non-repeater makes each answer one GETNEXT's worth
        Oid from = last;
        if (from == root && root.size() == 1 && root.rawArc(0) >= 0 && root.rawArc(0) <= 2) {
            // a one-arc root leaves as Net-SNMP sends it, that arc alone in the first octet, which
            // the agent reads as 0.arc: walks of ".2" and "ccitt" start where easysnmp's do
            from = Oid.of(0, root.rawArc(0));
        }
        Pdu p = bulk ? Pdu.getBulk(nonRepeaters, maxRepetitions, List.of(from)) : Pdu.request(BerTags.GETNEXT, List.of(from));
        requests++;
        engine.request(target, p).whenComplete(this::onResponse);
    }

    private void onResponse(Response response, Throwable error) {
        if (error != null) {
            done.completeExceptionally(error instanceof CompletionException && error.getCause() != null
                    ? error.getCause() : error);
            return;
        }
        try {
            handle(response.pdu());
        } catch (RuntimeException e) {
            done.completeExceptionally(e);
        }
    }

    private void handle(Pdu r) {
        if (r.errorStatus() != 0) {
            if (r.errorStatus() == NO_SUCH_NAME && target.version() == 0) {
                endOfMib = true;
                finish(); // v1: the end of the MIB view
                return;
            }
            if (r.errorStatus() == TOO_BIG && bulk && maxRepetitions > 1) {
                maxRepetitions = Math.max(1, maxRepetitions / 2);
                step();
                return;
            }
            throw new SnmpException("walk of ." + root + " at ." + last + ": the agent answered "
                    + ErrorStatus.name(r.errorStatus()) + " (index " + r.errorIndex() + ")");
        }
        boolean end = r.isDeferred() ? readCursor(r) : readObjects(r);
        sink.endOfResponse();
        if (end) {
            finish();
        } else {
            step();
        }
    }

    /** The varbinds of a decoded PDU; true when the walk ends with them. */
    private boolean readObjects(Pdu r) {
        boolean end = r.varBinds().isEmpty();
        for (VarBind vb : r.varBinds()) {
            int tag = vb.value().tag();
            if (tag == BerTags.END_OF_MIB_VIEW || !vb.oid().startsWith(root)
                    || tag == BerTags.NO_SUCH_OBJECT || tag == BerTags.NO_SUCH_INSTANCE) {
                if (vb.oid().startsWith(root) && vb.oid().compareTo(last) >= 0) {
                    endingException = vb;
                }
                end = true;
                break;
            }
            if (vb.oid().compareTo(last) <= 0) {
                notIncreasing(vb.oid());
            }
            sink.accept(vb);
            varBinds++;
            last = vb.oid();
        }
        return end;
    }

    /** The varbinds of a deferred PDU, read from the response's octets; true when the walk ends with them. */
    private boolean readCursor(Pdu r) {
        if (cursor == null) {
            cursor = new VarBindCursor();
            arcs = new int[Oid.MAX_ARCS];
            lastArcs = new int[Oid.MAX_ARCS];
            rootArcs = root.toArray();
            lastLen = last.copyTo(lastArcs, 0);
        }
        VarBindCursor c = cursor.reset(r);
        boolean end = true;
        boolean any = false;
        while (c.next()) {
            end = false;
            int len = c.oid(arcs);
            boolean inside = startsWith(arcs, len, rootArcs);
            if (!inside || c.isException()) {
                if (inside && Oid.compare(arcs, len, lastArcs, lastLen) >= 0) {
                    endingException = new VarBind(Oid.of(arcs, len), c.value());
                }
                end = true;
                break;
            }
            if (Oid.compare(arcs, len, lastArcs, lastLen) <= 0) {
                if (any) {
                    last = Oid.of(lastArcs, lastLen);
                }
                notIncreasing(Oid.of(arcs, len));
            }
            sink.accept(c, arcs, len);
            varBinds++;
            System.arraycopy(arcs, 0, lastArcs, 0, len);
            lastLen = len;
            any = true;
        }
        if (any) {
            last = Oid.of(lastArcs, lastLen); // the next request's name: one object per response
        }
        return end;
    }

    private void notIncreasing(Oid next) {
        sink.endOfResponse(); // what came before it in the same answer is handed over
        throw new OidNotIncreasingException(last, next);
    }

    private static boolean startsWith(int[] arcs, int len, int[] prefix) {
        if (len < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (arcs[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The list sink of {@link Walk#Walk(SnmpEngine, Target, Oid, boolean, int, int, Consumer)}: one list per answer. */
    private static final class Batches implements VarBindSink {
        private final Consumer<List<VarBind>> sink;
        private List<VarBind> batch = new ArrayList<>();

        Batches(Consumer<List<VarBind>> sink) {
            this.sink = sink;
        }

        @Override
        public void accept(VarBindCursor c, int[] arcs, int len) {
            batch.add(new VarBind(Oid.of(arcs, len), c.value()));
        }

        @Override
        public void accept(VarBind vb) {
            batch.add(vb);
        }

        @Override
        public void endOfResponse() {
            if (!batch.isEmpty()) {
                sink.accept(batch);
                batch = new ArrayList<>();
            }
        }
    }

    private void finish() {
        done.complete(new WalkSummary(varBinds, requests, endingException, endOfMib));
    }
}
