package io.varbind.agent;

import io.varbind.codec.BerTags;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The command responder application (RFC 3413 section 3.2) over the agent's {@link ManagedObjects}
 * (static data and handlers): turns one GET, GETNEXT, GETBULK or SET PDU into its Response PDU,
 * within the requester's {@link View}, with the error semantics of RFC 3416 section 4.2 for v2c/v3
 * and of RFC 1157 section 4.1 for v1 (noSuchName, Counter64 hidden from v1 as RFC 3584 section
 * 4.2.2.1 says). No I/O, no encoding: the dispatcher handles sizes.
 */
public final class CommandResponder {

    /** Message versions as carried on the wire (msgVersion). */
    public static final int V1 = 0;
    public static final int V2C = 1;
    public static final int V3 = 3;

    /**
     * Most bindings one GETBULK response carries, whatever max-repetitions asks: snmpd's
     * {@code maxGetbulkResponses} default, which bounds both the work and the amplification of one
     * request. Repetitions are cut to fit, as snmpd does ((100 - N) / R).
     */
    public static final int MAX_BULK_VARBINDS = 100;

    private final ManagedObjects objects;

    public CommandResponder(OidValueStore store) {
        this(new ManagedObjects(store, Map.of()));
    }

    CommandResponder(ManagedObjects objects) {
        this.objects = objects;
    }

    public OidValueStore store() {
        return objects.store();
    }

    /** As {@link #respond(Pdu, int, View, int)} with everything readable, and writable when {@code writeAccess}. */
    public Pdu respond(Pdu request, int version, boolean writeAccess, int maxVarBinds) {
        return respond(request, version, writeAccess ? View.all() : View.readAll(), maxVarBinds);
    }

    /**
     * The response to {@code request}.
     *
     * @param version {@link #V1}, {@link #V2C} or {@link #V3} (v3 behaves as v2c)
     * @param view what the requester may read and write
     * @param maxVarBinds upper bound on the bindings of a GETBULK response (the caller derives it
     *     from the message size limit), so a huge max-repetitions cannot exhaust memory
     */
    public Pdu respond(Pdu request, int version, View view, int maxVarBinds) {
        long now = System.nanoTime();
        switch (request.type()) {
            case BerTags.GET:
                return get(request, version, view, now);
            case BerTags.GETNEXT:
                return getNext(request, version, view, now);
            case BerTags.GETBULK:
                return getBulk(request, version, view, maxVarBinds, now);
            case BerTags.SET:
                return set(request, version, view, now);
            default:
                throw new IllegalArgumentException("not a request PDU: type 0x" + Integer.toHexString(request.type()));
        }
    }

    private static Pdu response(Pdu request, int status, int index, List<VarBind> varBinds) {
        return new Pdu(BerTags.RESPONSE, request.requestId(), status, index, varBinds);
    }

    /** A v1 error: the request's own bindings come back (RFC 1157 section 4.1.2). */
    private static Pdu v1Error(Pdu request, int status, int index) {
        return response(request, status, index, request.varBinds());
    }

    private Pdu get(Pdu request, int version, View view, long now) {
        List<VarBind> in = request.varBinds();
        List<VarBind> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Oid oid = in.get(i).oid();
            boolean readable = view.canRead(oid);
            Variable v = readable ? objects.get(oid, now) : null;
            if (version == V1 && (v == null || ManagedObjects.hiddenFromV1(v))) {
                return v1Error(request, ErrorStatus.NO_SUCH_NAME, i + 1);
            }
            if (v == null) {
                v = readable && isKnownObject(oid, now) ? Variable.noSuchInstance() : Variable.noSuchObject();
            }
            out.add(new VarBind(oid, v));
        }
        return response(request, ErrorStatus.NO_ERROR, 0, out);
    }

    /**
     * Whether a missing {@code oid} names an instance of an object the agent has (noSuchInstance)
     * rather than no object at all (noSuchObject, RFC 3416 section 4.2.1). Without MIB knowledge the
     * agent guesses as Net-SNMP's answers suggest: a sibling instance exists under the same parent
     * ({@code ifDescr.99}, {@code sysDescr.1}), or a stored instance is a prefix of it ({@code sysDescr.0.1}).
     */
    private boolean isKnownObject(Oid oid, long now) {
        return oid.size() > 1 && objects.hasInstancesUnder(oid.prefix(oid.size() - 1), now)
                || objects.isBelowInstance(oid);
    }

    /**
     * The next instance after {@code oid} that {@code view} lets this requester read (and that
     * {@code version} can carry), or null at the end of the view. Unreadable stretches are jumped
     * over a subtree at a time, so a narrow view does not make a walk scan everything.
     */
    private VarBind next(Oid oid, int version, View view, long now) {
        Oid from = oid;
        boolean inclusive = false;
        while (true) {
            VarBind c = objects.next(from, inclusive, now);
            if (c == null) {
                return null;
            }
            if (view.canRead(c.oid())) {
                if (version != V1 || !ManagedObjects.hiddenFromV1(c.value())) {
                    return c;
                }
                from = c.oid();
                inclusive = false;
            } else {
                from = view.readableFrom(c.oid());
                if (from == null) {
                    return null;
                }
                inclusive = true;
            }
        }
    }

    private Pdu getNext(Pdu request, int version, View view, long now) {
        List<VarBind> in = request.varBinds();
        List<VarBind> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Oid oid = in.get(i).oid();
            VarBind n = next(oid, version, view, now);
            if (n == null) {
                if (version == V1) {
                    return v1Error(request, ErrorStatus.NO_SUCH_NAME, i + 1);
                }
                out.add(new VarBind(oid, Variable.endOfMibView()));
            } else {
                out.add(n);
            }
        }
        return response(request, ErrorStatus.NO_ERROR, 0, out);
    }

    /**
     * RFC 3416 section 4.2.3: N non-repeaters once, then up to M rounds over the R others, with
     * N + M * R held to {@link #MAX_BULK_VARBINDS} as snmpd does.
     */
    private Pdu getBulk(Pdu request, int version, View view, int maxVarBinds, long now) {
        if (version == V1) {
            throw new IllegalArgumentException("GetBulkRequest-PDU is not defined for SNMPv1");
        }
        List<VarBind> in = request.varBinds();
        int n = Math.min(Math.max(request.nonRepeaters(), 0), in.size());
        int m = Math.max(request.maxRepetitions(), 0);
        int r = in.size() - n;
        if (r > 0 && n + (long) m * r > MAX_BULK_VARBINDS) {
            if (n > MAX_BULK_VARBINDS) {
                n = MAX_BULK_VARBINDS;
                r = 0;
            } else {
                m = (MAX_BULK_VARBINDS - n) / r;
            }
        }
        int limit = Math.max(maxVarBinds, n);
        List<VarBind> out = new ArrayList<>((int) Math.min(limit, n + (long) m * r));
        for (int i = 0; i < n; i++) {
            Oid oid = in.get(i).oid();
            VarBind next = next(oid, version, view, now);
            out.add(next != null ? next : new VarBind(oid, Variable.endOfMibView()));
        }
        if (r == 0 || m == 0) {
            return response(request, ErrorStatus.NO_ERROR, 0, out);
        }
        Oid[] last = new Oid[r];
        boolean[] ended = new boolean[r];
        for (int j = 0; j < r; j++) {
            last[j] = in.get(n + j).oid();
        }
        for (int round = 0; round < m; round++) {
            boolean allEnded = true;
            for (int j = 0; j < r; j++) {
                if (out.size() >= limit) {
                    return response(request, ErrorStatus.NO_ERROR, 0, out);
                }
                VarBind next = ended[j] ? null : next(last[j], version, view, now);
                if (next != null) {
                    allEnded = false;
                    last[j] = next.oid();
                    out.add(next);
                } else {
                    ended[j] = true;
                    out.add(new VarBind(last[j], Variable.endOfMibView()));
                }
            }
            // Every repeater at the end of the view: later rounds would only repeat that (4.2.3).
            if (allEnded) {
                break;
            }
        }
        return response(request, ErrorStatus.NO_ERROR, 0, out);
    }

    /**
     * RFC 3416 section 4.2.5: every binding is tested before any is written, so a SET that fails
     * its tests changes nothing; a commit that fails takes back the ones before it (commitFailed,
     * or undoFailed when that fails too). A binding outside the write view is noAccess, as snmpd
     * answers it.
     */
    private Pdu set(Pdu request, int version, View view, long now) {
        List<VarBind> in = request.varBinds();
        for (int i = 0; i < in.size(); i++) {
            VarBind vb = in.get(i);
            int status = view.canWrite(vb.oid()) ? objects.test(vb.oid(), vb.value(), now) : ErrorStatus.NO_ACCESS;
            if (status != ErrorStatus.NO_ERROR) {
                return error(request, version, status, i + 1);
            }
        }
        Variable[] previous = new Variable[in.size()];
        for (int i = 0; i < in.size(); i++) {
            VarBind vb = in.get(i);
            previous[i] = objects.get(vb.oid(), now);
            try {
                objects.commit(vb.oid(), vb.value());
            } catch (RuntimeException commitFailed) {
                int status = ErrorStatus.COMMIT_FAILED;
                for (int j = i - 1; j >= 0; j--) {
                    try {
                        objects.undo(in.get(j).oid(), previous[j]);
                    } catch (RuntimeException undoFailed) {
                        status = ErrorStatus.UNDO_FAILED;
                    }
                }
                return error(request, version, status, status == ErrorStatus.UNDO_FAILED ? 0 : i + 1);
            }
        }
        return response(request, ErrorStatus.NO_ERROR, 0, in);
    }

    private static Pdu error(Pdu request, int version, int v2Status, int index) {
        int status = version == V1 ? ErrorStatus.toV1(v2Status) : v2Status;
        return response(request, status, index, request.varBinds());
    }
}
