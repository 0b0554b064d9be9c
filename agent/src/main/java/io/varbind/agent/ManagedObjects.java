package io.varbind.agent;

import io.varbind.codec.BerTags;
import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every instance the agent serves, in one OID order: the static {@link OidValueStore} and the
 * subtrees of {@link SubtreeHandler}s. A handler owns its whole subtree (static data under it is
 * hidden); handler subtrees never overlap. Walking costs one store search and at most one call per
 * handler passed over, so a GETNEXT stays cheap however the two are interleaved.
 */
final class ManagedObjects {

    private final OidValueStore store;
    /** Handler subtree roots, sorted, none inside another; {@code handlers[i]} serves {@code roots[i]}. */
    private final Oid[] roots;
    private final SubtreeHandler[] handlers;
    /** Per simulated device: how its static values differ from the shared data; null for none. */
    private final DeviceVariation variation;

    /**
     * @param handlers by subtree root; one inside another is refused
     * @throws IllegalArgumentException when two subtrees overlap
     */
    ManagedObjects(OidValueStore store, Map<Oid, SubtreeHandler> handlers) {
        this.store = store;
        this.variation = null;
        TreeMap<Oid, SubtreeHandler> sorted = new TreeMap<>(handlers);
        this.roots = sorted.keySet().toArray(new Oid[0]);
        this.handlers = sorted.values().toArray(new SubtreeHandler[0]);
        for (int i = 1; i < roots.length; i++) {
            if (roots[i].startsWith(roots[i - 1])) {
                throw new IllegalArgumentException("handler subtrees overlap: " + roots[i - 1] + " and " + roots[i]);
            }
        }
    }

    private ManagedObjects(ManagedObjects shared, DeviceVariation variation) {
        this.store = shared.store;
        this.roots = shared.roots;
        this.handlers = shared.handlers;
        this.variation = variation;
    }

    /** The same objects as one simulated device sees them (sharing everything but the variation). */
    ManagedObjects forDevice(DeviceVariation device) {
        return new ManagedObjects(this, device);
    }

    private Variable storeValue(int at, long now) {
        Variable v = store.valueAt(at, now);
        if (variation == null) {
            return v;
        }
        Variable own = variation.written(at);
        return own != null ? own : variation.apply(store.oidAt(at), v, !store.isWritable(at), now);
    }

    /** Writes a static value: the device's own copy when this is a simulated device, else the shared store. */
    private void storeWrite(int at, Variable value) {
        if (variation != null) {
            variation.write(at, value);
        } else {
            store.replace(at, value);
        }
    }

    OidValueStore store() {
        return store;
    }

    /** The handler whose subtree holds {@code oid} (its root included), or -1. */
    private int handlerOf(Oid oid) {
        int i = Arrays.binarySearch(roots, oid);
        if (i >= 0) {
            return i;
        }
        int before = -i - 2;
        return before >= 0 && oid.startsWith(roots[before]) ? before : -1;
    }

    /** The first handler whose root is strictly after {@code oid}, or roots.length. */
    private int handlerAfter(Oid oid) {
        int i = Arrays.binarySearch(roots, oid);
        return i >= 0 ? i + 1 : -i - 1;
    }

    /** The value of {@code oid} now, or null when no such instance is served. */
    Variable get(Oid oid, long now) {
        int h = handlerOf(oid);
        if (h >= 0) {
            return handlers[h].get(oid);
        }
        int at = store.indexOf(oid);
        return at >= 0 ? storeValue(at, now) : null;
    }

    /**
     * The first instance after {@code from} (at or after it when {@code inclusive}) with its
     * value, or null at the end of the tree.
     */
    VarBind next(Oid from, boolean inclusive, long now) {
        Oid cur = from;
        boolean incl = inclusive;
        while (true) {
            int h = handlerOf(cur);
            if (h >= 0) {
                SubtreeHandler handler = handlers[h];
                if (incl && !cur.equals(roots[h])) {
                    Variable v = handler.get(cur);
                    if (v != null) {
                        return new VarBind(cur, v);
                    }
                }
                VarBind r = handler.next(cur);
                if (r != null && r.oid().startsWith(roots[h]) && r.oid().compareTo(cur) > 0) {
                    return r;
                }
                // The subtree is done (or its handler answered out of bounds): on past it.
                cur = successor(roots[h]);
                if (cur == null) {
                    return null;
                }
                incl = true;
                continue;
            }
            int at = incl ? store.indexAtOrAfter(cur) : store.indexAfter(cur);
            int nh = handlerAfter(cur);
            // A store instance before the next handler root cannot lie in any handler's subtree.
            if (at < store.size() && (nh == roots.length || store.oidAt(at).compareTo(roots[nh]) < 0)) {
                return new VarBind(store.oidAt(at), storeValue(at, now));
            }
            if (nh == roots.length) {
                return null;
            }
            cur = roots[nh];
            incl = false;
        }
    }

    /** True when some instance lies strictly under {@code prefix}. */
    boolean hasInstancesUnder(Oid prefix, long now) {
        VarBind n = next(prefix, false, now);
        return n != null && n.oid().startsWith(prefix);
    }

    /** True when a static instance is a proper prefix of {@code oid} ({@code sysDescr.0.1}). */
    boolean isBelowInstance(Oid oid) {
        if (handlerOf(oid) >= 0) {
            return false;
        }
        int before = store.indexAfter(oid) - 1;
        return before >= 0 && oid.startsWith(store.oidAt(before));
    }

    /** The smallest OID after every OID of the subtree {@code root}, or null when none exists. */
    static Oid successor(Oid root) {
        int[] arcs = root.toArray();
        for (int n = arcs.length; n > 0; n--) {
            if (arcs[n - 1] != -1) { // -1 is arc 4294967295, the last one
                arcs[n - 1]++;
                return Oid.of(arcs, n);
            }
        }
        return null;
    }

    /** RFC 3416 section 4.2.5 phase one for one binding: {@link ErrorStatus#NO_ERROR} or the error. */
    int test(Oid oid, Variable value, long now) {
        int h = handlerOf(oid);
        if (h >= 0) {
            return handlers[h].test(oid, value);
        }
        int at = store.indexOf(oid);
        if (at < 0) {
            return store.hasInstancesUnder(oid.prefix(Math.max(oid.size() - 1, 0)))
                    ? ErrorStatus.NO_CREATION : ErrorStatus.NOT_WRITABLE;
        }
        if (!store.isWritable(at)) {
            return ErrorStatus.NOT_WRITABLE;
        }
        Variable current = store.valueAt(at, now);
        return value.tag() != current.tag() || value.isException() ? ErrorStatus.WRONG_TYPE : ErrorStatus.NO_ERROR;
    }

    /** Writes a tested binding; throws when a handler's commit fails. */
    void commit(Oid oid, Variable value) {
        int h = handlerOf(oid);
        if (h >= 0) {
            handlers[h].commit(oid, value);
        } else {
            // detached: the request's octet strings refer to a receive buffer that the next request reuses
            storeWrite(store.indexOf(oid), value.detached());
        }
    }

    /** Takes back a commit; {@code previous} is the value before it (null when none). */
    void undo(Oid oid, Variable previous) {
        int h = handlerOf(oid);
        if (h >= 0) {
            handlers[h].undo(oid, previous);
        } else if (previous != null) {
            storeWrite(store.indexOf(oid), previous);
        }
    }

    /** True when {@code value} is one v1 cannot carry (RFC 3584 section 4.2.2.1). */
    static boolean hiddenFromV1(Variable value) {
        return value.tag() == BerTags.COUNTER64;
    }
}
