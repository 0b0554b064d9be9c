package io.varbind.codec;

import java.util.Objects;

/** One variable binding: a name and its value (RFC 3416 section 3, VarBind). */
public record VarBind(Oid oid, Variable value) {
    public VarBind {
        Objects.requireNonNull(oid, "oid");
        Objects.requireNonNull(value, "value");
    }

    /** A binding with a NULL value, as requests carry. */
    public static VarBind ofNull(Oid oid) {
        return new VarBind(oid, Variable.nullValue());
    }

    @Override
    public String toString() {
        return "." + oid + " = " + value;
    }
}
