package io.varbind.agent;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Pdu;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.util.ArrayList;
import java.util.List;

/**
 * The command responder application (RFC 3413 section 3.2) over an {@link OidValueStore}: turns
 * one GET, GETNEXT, GETBULK or SET PDU into its Response PDU, with the error semantics of RFC 3416
 * section 4.2 for v2c/v3 and of RFC 1157 section 4.1 for v1 (noSuchName, Counter64 hidden from v1
 * as RFC 3584 section 4.2.2.1 says). No I/O, no encoding: the dispatcher handles sizes.
 */
public final class CommandResponder {

    /** Message versions as carried on the wire (msgVersion). */
    public static final int V1 = 0;
    public static final int V2C = 1;
    public static final int V3 = 3;

    private final OidValueStore store;

    public CommandResponder(OidValueStore store) {
        this.store = store;
    }

    public OidValueStore store() {
        return store;
    }

    /**
     * The response to {@code request}.
     *
     * @param version {@link #V1}, {@link #V2C} or {@link #V3} (v3 behaves as v2c)
     * @param writeAccess whether the requester may SET (a read-write community or user)
     * @param maxVarBinds upper bound on the bindings of a GETBULK response (the caller derives it
     *     from the message size limit), so a huge max-repetitions cannot exhaust memory
     */
    public Pdu respond(Pdu request, int version, boolean writeAccess, int maxVarBinds) {
        long now = System.nanoTime();
        switch (request.type()) {
            case BerTags.GET:
                return get(request, version, now);
            case BerTags.GETNEXT:
                return getNext(request, version, now);
            case BerTags.GETBULK:
                return getBulk(request, version, maxVarBinds, now);
            case BerTags.SET:
                return set(request, version, writeAccess);
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

    private Pdu get(Pdu request, int version, long now) {
        List<VarBind> in = request.varBinds();
        List<VarBind> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Oid oid = in.get(i).oid();
            int at = store.indexOf(oid);
            Variable v = at >= 0 ? store.valueAt(at, now) : null;
            if (version == V1 && (v == null || v.tag() == BerTags.COUNTER64)) {
                return v1Error(request, ErrorStatus.NO_SUCH_NAME, i + 1);
            }
            if (v == null) {
                v = isKnownObject(oid) ? Variable.noSuchInstance() : Variable.noSuchObject();
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
    private boolean isKnownObject(Oid oid) {
        if (oid.size() > 1 && store.hasInstancesUnder(oid.prefix(oid.size() - 1))) {
            return true;
        }
        int before = store.indexAfter(oid) - 1;
        return before >= 0 && oid.startsWith(store.oidAt(before));
    }

    /** The index of the next instance after {@code oid} that {@code version} may see, or size(). */
    private int next(Oid oid, int version, long now) {
        int i = store.indexAfter(oid);
        if (version == V1) {
            while (i < store.size() && store.valueAt(i, now).tag() == BerTags.COUNTER64) {
                i++;
            }
        }
        return i;
    }

    private Pdu getNext(Pdu request, int version, long now) {
        List<VarBind> in = request.varBinds();
        List<VarBind> out = new ArrayList<>(in.size());
        for (int i = 0; i < in.size(); i++) {
            Oid oid = in.get(i).oid();
            int at = next(oid, version, now);
            if (at >= store.size()) {
                if (version == V1) {
                    return v1Error(request, ErrorStatus.NO_SUCH_NAME, i + 1);
                }
                out.add(new VarBind(oid, Variable.endOfMibView()));
            } else {
                out.add(new VarBind(store.oidAt(at), store.valueAt(at, now)));
            }
        }
        return response(request, ErrorStatus.NO_ERROR, 0, out);
    }

    /** RFC 3416 section 4.2.3: N non-repeaters once, then up to M rounds over the R others. */
    private Pdu getBulk(Pdu request, int version, int maxVarBinds, long now) {
        if (version == V1) {
            throw new IllegalArgumentException("GetBulkRequest-PDU is not defined for SNMPv1");
        }
        List<VarBind> in = request.varBinds();
        int n = Math.min(Math.max(request.nonRepeaters(), 0), in.size());
        int m = Math.max(request.maxRepetitions(), 0);
        int r = in.size() - n;
        int limit = Math.max(maxVarBinds, in.size());
        List<VarBind> out = new ArrayList<>((int) Math.min(Math.min(limit, 4096L), n + (long) m * r));
        for (int i = 0; i < n; i++) {
            Oid oid = in.get(i).oid();
            int at = store.indexAfter(oid);
            out.add(at < store.size() ? new VarBind(store.oidAt(at), store.valueAt(at, now))
                    : new VarBind(oid, Variable.endOfMibView()));
        }
        if (r == 0 || m == 0) {
            return response(request, ErrorStatus.NO_ERROR, 0, out);
        }
        int[] cursor = new int[r];
        Oid[] last = new Oid[r];
        for (int j = 0; j < r; j++) {
            last[j] = in.get(n + j).oid();
            cursor[j] = store.indexAfter(last[j]);
        }
        for (int round = 0; round < m; round++) {
            boolean allEnded = true;
            for (int j = 0; j < r; j++) {
                if (out.size() >= limit) {
                    return response(request, ErrorStatus.NO_ERROR, 0, out);
                }
                int at = cursor[j];
                if (at < store.size()) {
                    allEnded = false;
                    last[j] = store.oidAt(at);
                    out.add(new VarBind(last[j], store.valueAt(at, now)));
                    cursor[j] = at + 1;
                } else {
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
     * RFC 3416 section 4.2.5, in two passes: every binding is checked before any is written, so a
     * failed SET changes nothing. Instances cannot be created; live values are not writable.
     */
    private Pdu set(Pdu request, int version, boolean writeAccess) {
        List<VarBind> in = request.varBinds();
        if (!writeAccess) {
            return error(request, version, ErrorStatus.NO_ACCESS, in.isEmpty() ? 0 : 1);
        }
        int[] slots = new int[in.size()];
        for (int i = 0; i < in.size(); i++) {
            VarBind vb = in.get(i);
            int at = store.indexOf(vb.oid());
            if (at < 0) {
                int status = store.hasInstancesUnder(vb.oid().prefix(Math.max(vb.oid().size() - 1, 0)))
                        ? ErrorStatus.NO_CREATION : ErrorStatus.NOT_WRITABLE;
                return error(request, version, status, i + 1);
            }
            if (!store.isWritable(at)) {
                return error(request, version, ErrorStatus.NOT_WRITABLE, i + 1);
            }
            Variable current = store.valueAt(at, 0);
            if (vb.value().tag() != current.tag() || vb.value().isException()) {
                return error(request, version, ErrorStatus.WRONG_TYPE, i + 1);
            }
            slots[i] = at;
        }
        for (int i = 0; i < in.size(); i++) {
            // detached: the request's octet strings refer to a receive buffer that the next request reuses
            store.replace(slots[i], in.get(i).value().detached());
        }
        return response(request, ErrorStatus.NO_ERROR, 0, in);
    }

    private static Pdu error(Pdu request, int version, int v2Status, int index) {
        int status = version == V1 ? ErrorStatus.toV1(v2Status) : v2Status;
        return response(request, status, index, request.varBinds());
    }
}
