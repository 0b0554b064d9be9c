package io.varbind.session;

/** RFC 3416 section 3 error-status names, with the explanations Net-SNMP's snmp_errstring gives. */
public final class ErrorStatus {

    public static final int NO_SUCH_NAME = 2;

    private static final String[] TEXT = {
        "noError",
        "tooBig",
        "noSuchName",
        "badValue",
        "readOnly",
        "genErr",
        "noAccess",
        "wrongType (The set datatype does not match the data type the agent expects)",
        "wrongLength (The set value has an illegal length from what the agent expects)",
        "wrongEncoding",
        "wrongValue (The set value is illegal or unsupported in some way)",
        "noCreation (That table does not support row creation or that object can not ever be created)",
        "inconsistentValue (The set value is illegal or unsupported in some way)",
        "resourceUnavailable (This is likely a out-of-memory failure within the agent)",
        "commitFailed",
        "undoFailed",
        "authorizationError (access denied to that object)",
        "notWritable (That object does not support modification)",
        "inconsistentName (That object can not currently be created)",
    };

    private ErrorStatus() {
    }

    /** The message easysnmp raises for an error status ({@code noAccess}, {@code notWritable (...)}). */
    public static String text(int status) {
        return status >= 0 && status < TEXT.length ? TEXT[status] : "unknown error status " + status;
    }
}
