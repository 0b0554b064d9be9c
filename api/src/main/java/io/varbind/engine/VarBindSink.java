package io.varbind.engine;

import io.varbind.codec.VarBind;
import io.varbind.codec.VarBindCursor;

/**
 * Where a walk puts each varbind it keeps, in order, on the engine's thread. A response whose
 * varbinds the engine left in the received octets (v1/v2c) arrives through a cursor, so that a
 * caller can build what it returns straight from those octets; any other through objects.
 */
public interface VarBindSink {

    /**
     * One varbind from the received octets: its name is {@code arcs[0..len)} (an array the walk
     * reuses: copy what you keep), its value read through {@code c} (positioned on it; octet
     * values are offsets into {@link VarBindCursor#buffer()}, the response's own buffer).
     */
    void accept(VarBindCursor c, int[] arcs, int len);

    /** One varbind of a response that was decoded into objects (SNMPv3). */
    void accept(VarBind vb);

    /** The varbinds of one response were all handed over (also before a walk fails on one). */
    default void endOfResponse() {
    }
}
