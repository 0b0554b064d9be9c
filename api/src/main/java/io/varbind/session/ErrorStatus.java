package io.varbind.session;

/**
 * The messages easysnmp raises for error statuses: the names of {@link io.varbind.codec.ErrorStatus}
 * with the explanations Net-SNMP's snmp_errstring adds to some of them.
 */
public final class ErrorStatus {

    public static final int NO_SUCH_NAME = io.varbind.codec.ErrorStatus.NO_SUCH_NAME;

    /** SNMPv1's statuses (0 to 5) as Net-SNMP's snmp_errstring words them, name in brackets first. */
    private static final String[] V1_TEXT = {
        "(noError) No Error",
        "(tooBig) Response message would have been too large.",
        "(noSuchName) There is no such variable name in this MIB.",
        "(badValue) The value given has the wrong type or length.",
        "(readOnly) The two parties used do not have access to use the specified SNMP PDU.",
        "(genError) A general failure occured",
    };

    /** Indexed by status; null where Net-SNMP prints the bare name. */
    private static final String[] EXPLANATION = {
        null, null, null, null, null, null, null,
        "The set datatype does not match the data type the agent expects",
        "The set value has an illegal length from what the agent expects",
        null,
        "The set value is illegal or unsupported in some way",
        "That table does not support row creation or that object can not ever be created",
        "The set value is illegal or unsupported in some way",
        "This is likely a out-of-memory failure within the agent",
        null, null,
        "access denied to that object",
        "That object does not support modification",
        "That object can not currently be created",
    };

    private ErrorStatus() {
    }

    /**
     * The message easysnmp raises for an error status ({@code noAccess}, {@code notWritable (...)},
     * {@code (badValue) The value given ...}).
     */
    public static String text(int status) {
        if (status < 0 || status >= EXPLANATION.length) {
            return "unknown error status " + status;
        }
        if (status < V1_TEXT.length) {
            return V1_TEXT[status];
        }
        String name = io.varbind.codec.ErrorStatus.name(status);
        return EXPLANATION[status] == null ? name : name + " (" + EXPLANATION[status] + ")";
    }
}
