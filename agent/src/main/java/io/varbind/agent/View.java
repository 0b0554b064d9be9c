package io.varbind.agent;

import io.varbind.codec.Oid;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What one community or user may read and write: included subtrees, as VACM's views
 * (RFC 3415 section 5) are most often configured ({@code view NAME included OID} in snmpd.conf).
 * The agent answers as snmpd does: a GET outside the read view is noSuchObject (noSuchName in
 * v1), GETNEXT and GETBULK skip what is outside it, a SET outside the write view is noAccess;
 * a v3 user with no read view at all gets authorizationError, a community with none is ignored.
 * Immutable.
 */
public final class View {

    private static final Oid[] EVERYTHING = {Oid.of()};
    private static final View ALL = new View(EVERYTHING, EVERYTHING);
    private static final View READ_ALL = new View(EVERYTHING, new Oid[0]);

    /** Sorted, with no subtree inside another. */
    private final Oid[] read;
    private final Oid[] write;

    private View(Oid[] read, Oid[] write) {
        this.read = read;
        this.write = write;
    }

    /** Reads and writes everything (a read-write community or user without a view). */
    public static View all() {
        return ALL;
    }

    /** Reads everything, writes nothing (a read-only community or user without a view). */
    public static View readAll() {
        return READ_ALL;
    }

    /** Reads the given subtrees (dotted OIDs), writes nothing. */
    public static View read(String... subtrees) {
        return new View(normalise(subtrees), new Oid[0]);
    }

    /** This view, that may also write the given subtrees (which it need not read). */
    public View write(String... subtrees) {
        return new View(read, normalise(subtrees));
    }

    /** This view without the right to write (what a read-only community or user gets). */
    View readOnly() {
        return write.length == 0 ? this : new View(read, new Oid[0]);
    }

    private static Oid[] normalise(String... subtrees) {
        List<Oid> sorted = new ArrayList<>();
        for (String s : subtrees) {
            sorted.add(s.isEmpty() || s.equals(".") ? Oid.of() : Oid.parse(s));
        }
        sorted.sort(null);
        List<Oid> out = new ArrayList<>();
        for (Oid o : sorted) {
            if (out.isEmpty() || !o.startsWith(out.get(out.size() - 1))) {
                out.add(o);
            }
        }
        return out.toArray(new Oid[0]);
    }

    /** True when nothing at all may be read (snmpd: authorizationError for v3, a dropped v1/v2c request). */
    boolean readsNothing() {
        return read.length == 0;
    }

    boolean canRead(Oid oid) {
        return covers(read, oid);
    }

    boolean canWrite(Oid oid) {
        return covers(write, oid);
    }

    /**
     * The first OID at or after {@code oid} that may be read: {@code oid} itself when readable, else
     * the root of the next readable subtree; null when no readable subtree lies after it.
     */
    Oid readableFrom(Oid oid) {
        if (canRead(oid)) {
            return oid;
        }
        int i = Arrays.binarySearch(read, oid);
        int next = i >= 0 ? i + 1 : -i - 1;
        return next < read.length ? read[next] : null;
    }

    private static boolean covers(Oid[] subtrees, Oid oid) {
        int i = Arrays.binarySearch(subtrees, oid);
        if (i >= 0) {
            return true;
        }
        int before = -i - 2; // the greatest subtree root before oid: the only one that can contain it
        return before >= 0 && oid.startsWith(subtrees[before]);
    }

    @Override
    public String toString() {
        return "View[read=" + Arrays.toString(read) + ", write=" + Arrays.toString(write) + "]";
    }
}
