package io.varbind.engine;

import io.varbind.SnmpException;
import io.varbind.codec.Oid;

/**
 * A walk stopped because the agent answered with an OID that does not follow the previous one
 * (Net-SNMP's "OID not increasing"): an agent that loops or goes backwards.
 */
public final class OidNotIncreasingException extends SnmpException {
    private static final long serialVersionUID = 1L;

    private final transient Oid previous;
    private final transient Oid next;

    public OidNotIncreasingException(Oid previous, Oid next) {
        super("OID not increasing: ." + previous + " >= ." + next);
        this.previous = previous;
        this.next = next;
    }

    public Oid previous() {
        return previous;
    }

    public Oid next() {
        return next;
    }
}
