package io.varbind.engine;

import io.varbind.usm.EngineState;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * This side's own SNMP engine as an authoritative one (RFC 3414 section 2.2), for the messages it
 * is authoritative for: v3 traps, whose receivers localize the sender's users to this engine id and
 * check its boots and time.
 *
 * <p>Without a given boots and time, snmpEngineBoots is 1 and snmpEngineTime the seconds since
 * 2020-01-01 by the wall clock: a sender that restarts with the same engine id then never goes
 * backwards in time for a receiver that cached it (snmptrapd drops a trap more than 150 s behind),
 * and needs no persisted boots counter.
 */
public final class LocalEngine {
    private static final long EPOCH_2020 = 1_577_836_800L;
    private static final SecureRandom RANDOM = new SecureRandom();

    private LocalEngine() {
    }

    /**
     * A fresh engine id in RFC 3411's format 5 (octets, here random) under enterprise 8072,
     * as Net-SNMP makes its random ones: {@code 80 00 1f 88 05} and 8 random octets.
     */
    public static byte[] generateEngineId() {
        byte[] id = new byte[13];
        id[0] = (byte) 0x80;
        id[1] = 0x00;
        id[2] = 0x1f;
        id[3] = (byte) 0x88;
        id[4] = 0x05;
        byte[] r = new byte[8];
        RANDOM.nextBytes(r);
        System.arraycopy(r, 0, id, 5, 8);
        return id;
    }

    /** The engine state of {@code engineId}: with boots and time both 0, the wall-clock default above. */
    public static EngineState state(byte[] engineId, int boots, int time) {
        if (boots == 0 && time == 0) {
            long now = System.currentTimeMillis() / 1000 - EPOCH_2020;
            return new EngineState(engineId, 1, (int) Math.max(0, Math.min(Integer.MAX_VALUE, now)));
        }
        return new EngineState(engineId, boots, time);
    }

    /** The key of an engine's shared state on an {@link io.varbind.SnmpEngine}. */
    static String key(byte[] engineId) {
        return "usm-local-engine|" + HexFormat.of().formatHex(engineId);
    }
}
