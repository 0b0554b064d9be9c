package io.varbind.codec;

/**
 * The error-status values of RFC 3416 section 3 and their names (v1's are the first six, RFC 1157
 * section 4.1.1): the one table both the command generator ({@code api}) and the responder
 * ({@code agent}) use.
 */
public final class ErrorStatus {
    public static final int NO_ERROR = 0;
    public static final int TOO_BIG = 1;
    public static final int NO_SUCH_NAME = 2;
    public static final int BAD_VALUE = 3;
    public static final int READ_ONLY = 4;
    public static final int GEN_ERR = 5;
    public static final int NO_ACCESS = 6;
    public static final int WRONG_TYPE = 7;
    public static final int WRONG_LENGTH = 8;
    public static final int WRONG_ENCODING = 9;
    public static final int WRONG_VALUE = 10;
    public static final int NO_CREATION = 11;
    public static final int INCONSISTENT_VALUE = 12;
    public static final int RESOURCE_UNAVAILABLE = 13;
    public static final int COMMIT_FAILED = 14;
    public static final int UNDO_FAILED = 15;
    public static final int AUTHORIZATION_ERROR = 16;
    public static final int NOT_WRITABLE = 17;
    public static final int INCONSISTENT_NAME = 18;

    private static final String[] NAMES = {"noError", "tooBig", "noSuchName", "badValue", "readOnly", "genErr",
        "noAccess", "wrongType", "wrongLength", "wrongEncoding", "wrongValue", "noCreation", "inconsistentValue",
        "resourceUnavailable", "commitFailed", "undoFailed", "authorizationError", "notWritable",
        "inconsistentName"};

    private ErrorStatus() {
    }

    /** The RFC 3416 name of {@code status} ({@code noAccess}), or {@code error-status N} for others. */
    public static String name(int status) {
        return status >= 0 && status < NAMES.length ? NAMES[status] : "error-status " + status;
    }

    /**
     * The v1 error-status for a v2 one (RFC 3584 section 4.4): v1 knows only tooBig, noSuchName,
     * badValue, readOnly and genErr.
     */
    public static int toV1(int status) {
        switch (status) {
            case NO_ERROR:
            case TOO_BIG:
            case NO_SUCH_NAME:
            case BAD_VALUE:
            case READ_ONLY:
            case GEN_ERR:
                return status;
            case WRONG_VALUE:
            case WRONG_ENCODING:
            case WRONG_TYPE:
            case WRONG_LENGTH:
            case INCONSISTENT_VALUE:
                return BAD_VALUE;
            case NO_ACCESS:
            case NOT_WRITABLE:
            case NO_CREATION:
            case INCONSISTENT_NAME:
            case AUTHORIZATION_ERROR:
                return NO_SUCH_NAME;
            default:
                return GEN_ERR;
        }
    }
}
