package io.varbind.agent;

import io.varbind.codec.BerTags;
import io.varbind.codec.Oid;
import io.varbind.codec.Variable;
import java.util.HashMap;
import java.util.Map;

/**
 * How one simulated device differs from the data all devices share (a port of a range with
 * {@link SnmpAgent.Builder#devicePerEndpoint}): its own sysName, its own sysUpTime, counters
 * that move at a rate of their own from the shared value, and what a SET wrote to it. A few dozen
 * bytes per device; values are computed when read, so nothing is kept per object until the device
 * is written to, and then only what was written (copy on write: the shared data never changes).
 */
final class DeviceVariation {

    static final Oid SYS_UP_TIME = Oid.parse("1.3.6.1.2.1.1.3.0");
    static final Oid SYS_NAME = Oid.parse("1.3.6.1.2.1.1.5.0");

    private final int device;
    private final Variable sysName;
    private final long startNanos;
    /**
     * What SETs wrote to this device, by the shared store's index; null until the first. Never
     * changed once published: a write publishes a new map (writes are rare, reads lock-free).
     */
    private volatile Map<Integer, Variable> written;

    DeviceVariation(int device, String sysName, long startNanos) {
        this.device = device;
        this.sysName = Variable.octetString(sysName);
        this.startNanos = startNanos;
    }

    /** The device's value of {@code oid}; {@code live} when the shared value already moves by itself. */
    Variable apply(Oid oid, Variable shared, boolean live, long now) {
        int tag = shared.tag();
        if (tag == BerTags.COUNTER32 || tag == BerTags.COUNTER64) {
            long elapsed = Math.max(0, now - startNanos);
            long delta = rate(oid) * (elapsed / 1_000_000L) / 1000L;
            long v = shared.longValue() + delta + (long) device * 7919L;
            return tag == BerTags.COUNTER32 ? Variable.counter32(v & 0xFFFFFFFFL) : Variable.counter64(v);
        }
        if (tag == BerTags.TIMETICKS && !live && oid.equals(SYS_UP_TIME)) {
            return Variable.timeTicks((shared.longValue() + Math.max(0, now - startNanos) / 10_000_000L) & 0xFFFFFFFFL);
        }
        if (tag == BerTags.OCTET_STRING && oid.equals(SYS_NAME)) {
            return sysName;
        }
        return shared;
    }

    /** The value a SET wrote to this device at store index {@code at}, or null. */
    Variable written(int at) {
        Map<Integer, Variable> w = written;
        return w == null ? null : w.get(at);
    }

    /** This device's own value at store index {@code at} from now on (the shared data is left alone). */
    synchronized void write(int at, Variable value) {
        Map<Integer, Variable> w = written == null ? new HashMap<>(4) : new HashMap<>(written);
        w.put(at, value);
        written = w;
    }

    /** How many objects this device has its own written value for. */
    int writtenCount() {
        Map<Integer, Variable> w = written;
        return w == null ? 0 : w.size();
    }

    /** Units per second this device's counter {@code oid} grows by: 1 to 100,000, fixed per device and object. */
    private long rate(Oid oid) {
        int h = oid.hashCode() * 0x9E3779B1 ^ device * 0x85EBCA6B;
        h ^= h >>> 15;
        return 1 + Integer.toUnsignedLong(h) % 100_000L;
    }
}
