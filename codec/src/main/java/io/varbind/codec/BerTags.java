package io.varbind.codec;

/**
 * The identifier octets SNMP uses: universal types (X.690), the SMI application types (RFC 2578
 * section 7.1, RFC 1442 for NsapAddress and UInteger32), the varbind exception values and the
 * context-specific PDU tags (RFC 3416 section 3).
 */
public final class BerTags {
    public static final int INTEGER = 0x02;
    public static final int OCTET_STRING = 0x04;
    public static final int NULL = 0x05;
    public static final int OBJECT_IDENTIFIER = 0x06;
    public static final int SEQUENCE = 0x30;

    public static final int IP_ADDRESS = 0x40;
    public static final int COUNTER32 = 0x41;
    public static final int GAUGE32 = 0x42;
    public static final int TIMETICKS = 0x43;
    public static final int OPAQUE = 0x44;
    public static final int NSAP_ADDRESS = 0x45;
    public static final int COUNTER64 = 0x46;
    public static final int UINTEGER32 = 0x47;

    public static final int NO_SUCH_OBJECT = 0x80;
    public static final int NO_SUCH_INSTANCE = 0x81;
    public static final int END_OF_MIB_VIEW = 0x82;

    public static final int GET = 0xA0;
    public static final int GETNEXT = 0xA1;
    public static final int RESPONSE = 0xA2;
    public static final int SET = 0xA3;
    public static final int TRAP_V1 = 0xA4;
    public static final int GETBULK = 0xA5;
    public static final int INFORM = 0xA6;
    public static final int TRAP_V2 = 0xA7;
    public static final int REPORT = 0xA8;

    private BerTags() {
    }

    /** Whether {@code tag} is one of the nine PDU tags. */
    public static boolean isPdu(int tag) {
        return tag >= GET && tag <= REPORT;
    }

    /** A short name for messages: {@code GetRequest}, {@code Counter32}, ... */
    public static String name(int tag) {
        switch (tag) {
            case INTEGER: return "INTEGER";
            case OCTET_STRING: return "OCTET STRING";
            case NULL: return "NULL";
            case OBJECT_IDENTIFIER: return "OBJECT IDENTIFIER";
            case SEQUENCE: return "SEQUENCE";
            case IP_ADDRESS: return "IpAddress";
            case COUNTER32: return "Counter32";
            case GAUGE32: return "Gauge32";
            case TIMETICKS: return "TimeTicks";
            case OPAQUE: return "Opaque";
            case NSAP_ADDRESS: return "NsapAddress";
            case COUNTER64: return "Counter64";
            case UINTEGER32: return "UInteger32";
            case NO_SUCH_OBJECT: return "noSuchObject";
            case NO_SUCH_INSTANCE: return "noSuchInstance";
            case END_OF_MIB_VIEW: return "endOfMibView";
            case GET: return "GetRequest";
            case GETNEXT: return "GetNextRequest";
            case RESPONSE: return "Response";
            case SET: return "SetRequest";
            case TRAP_V1: return "Trap";
            case GETBULK: return "GetBulkRequest";
            case INFORM: return "InformRequest";
            case TRAP_V2: return "SNMPv2-Trap";
            case REPORT: return "Report";
            default: return String.format("tag 0x%02X", tag);
        }
    }
}
