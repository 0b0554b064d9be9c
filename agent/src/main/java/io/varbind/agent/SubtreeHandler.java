package io.varbind.agent;

import io.varbind.codec.ErrorStatus;
import io.varbind.codec.Oid;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;

/**
 * A subtree served by code ({@link SnmpAgent.Builder#handler}): values computed at request time,
 * tables kept elsewhere, objects that act when set. The agent asks only about OIDs inside the
 * subtree the handler was registered for, on an event-loop thread: a handler must be quick, must
 * not block, and must be thread-safe when the agent runs several event loops.
 *
 * <p>SET follows RFC 3416 section 4.2.5: every binding of the request is first {@link #test tested}
 * (by whichever handler or the static data owns it); only when all pass is each {@link #commit
 * committed}; when a commit fails, those already committed are {@link #undo undone}, and the
 * answer is commitFailed (undoFailed when an undo fails too).
 */
public interface SubtreeHandler {

    /** The value of {@code instance}, or null when there is no such instance (noSuchInstance). */
    Variable get(Oid instance);

    /**
     * The first instance strictly after {@code oid} (which lies in the subtree, or is its root) in
     * OID order, with its value; null when the subtree has no more. An answer outside the
     * subtree or not after {@code oid} is taken as null.
     */
    VarBind next(Oid oid);

    /**
     * Whether {@code value} may be written to {@code instance}: {@link ErrorStatus#NO_ERROR} or the
     * error-status to answer (wrongType, wrongValue, notWritable, noCreation, inconsistentValue,
     * ...). Nothing is written yet. The default refuses every SET with notWritable.
     */
    default int test(Oid instance, Variable value) {
        return ErrorStatus.NOT_WRITABLE;
    }

    /** Writes a tested value; an exception here fails the SET with commitFailed. */
    default void commit(Oid instance, Variable value) {
        throw new UnsupportedOperationException("not writable: " + instance);
    }

    /**
     * Takes back a commit of this request after a later binding failed: {@code previous} is what
     * {@link #get} answered before the commit (null when it answered null). An exception here
     * makes the answer undoFailed.
     */
    default void undo(Oid instance, Variable previous) {
    }
}
