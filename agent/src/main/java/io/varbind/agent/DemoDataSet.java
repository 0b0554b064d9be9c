package io.varbind.agent;

import io.varbind.codec.Oid;
import io.varbind.codec.Variable;

/**
 * The data the agent serves when no {@code --data} file is given: the system group, an ifTable
 * and ifXTable of four interfaces whose traffic counters move with time, and a few UCD-SNMP and
 * HOST-RESOURCES objects. Values are plausible and made up; OIDs are those of the standard MIBs.
 */
public final class DemoDataSet {

    private static final Oid SYSTEM = Oid.parse("1.3.6.1.2.1.1");
    private static final Oid IF_NUMBER = Oid.parse("1.3.6.1.2.1.2.1.0");
    private static final Oid IF_ENTRY = Oid.parse("1.3.6.1.2.1.2.2.1");
    private static final Oid IFX_ENTRY = Oid.parse("1.3.6.1.2.1.31.1.1.1");
    private static final Oid HR_SYSTEM = Oid.parse("1.3.6.1.2.1.25.1");
    private static final Oid HR_STORAGE_ENTRY = Oid.parse("1.3.6.1.2.1.25.2.3.1");
    private static final Oid UCD = Oid.parse("1.3.6.1.4.1.2021");

    private record Iface(String name, int type, int mtu, long speed, byte[] mac, int adminStatus,
            int operStatus, long inRate, long outRate) {
    }

    private static final Iface[] IFACES = {
        new Iface("lo", 24, 65536, 10_000_000L, new byte[0], 1, 1, 1_200, 1_200),
        new Iface("eth0", 6, 1500, 1_000_000_000L, mac(0x02, 0x42, 0xac, 0x11, 0x00, 0x02), 1, 1, 125_000, 48_000),
        new Iface("eth1", 6, 1500, 1_000_000_000L, mac(0x02, 0x42, 0xac, 0x11, 0x00, 0x03), 1, 2, 0, 0),
        new Iface("wlan0", 71, 1500, 54_000_000L, mac(0x02, 0x11, 0x22, 0x33, 0x44, 0x55), 2, 2, 0, 0),
    };

    private DemoDataSet() {
    }

    private static byte[] mac(int... b) {
        byte[] m = new byte[b.length];
        for (int i = 0; i < b.length; i++) {
            m[i] = (byte) b[i];
        }
        return m;
    }

    /** The demo data; live values count from {@code startNanos} ({@link System#nanoTime()}). */
    public static OidValueStore build(long startNanos) {
        OidValueStore.Builder b = OidValueStore.builder();
        LiveValue upTime = now -> Variable.timeTicks(centis(now, startNanos) & 0xFFFFFFFFL);
        b.put(SYSTEM.append(1, 0), Variable.octetString("Varbind demo agent (io.varbind.agent), Java "
                + Runtime.version().feature()));
        b.put(SYSTEM.append(2, 0), Variable.objectId(Oid.parse("1.3.6.1.4.1.8072.3.2.10")));
        b.put(SYSTEM.append(3, 0), upTime);
        b.put(SYSTEM.append(4, 0), Variable.octetString("Varbind <varbind@example.invalid>"));
        b.put(SYSTEM.append(5, 0), Variable.octetString("varbind-demo"));
        b.put(SYSTEM.append(6, 0), Variable.octetString("Server room 1, rack 4"));
        b.put(SYSTEM.append(7, 0), Variable.integer(72));
        b.put(SYSTEM.append(8, 0), Variable.timeTicks(0));
        String[][] sysOr = {
            {"1.3.6.1.6.3.1", "SNMPv2 entity (varbind demo)"},
            {"1.3.6.1.2.1.31", "interfaces and their counters (varbind demo)"},
            {"1.3.6.1.2.1.25", "host resources (varbind demo)"},
        };
        for (int i = 0; i < sysOr.length; i++) {
            b.put(SYSTEM.append(9, 1, 2, i + 1), Variable.objectId(Oid.parse(sysOr[i][0])));
            b.put(SYSTEM.append(9, 1, 3, i + 1), Variable.octetString(sysOr[i][1]));
            b.put(SYSTEM.append(9, 1, 4, i + 1), Variable.timeTicks(0));
        }

        b.put(IF_NUMBER, Variable.integer(IFACES.length));
        for (int k = 0; k < IFACES.length; k++) {
            Iface f = IFACES[k];
            int idx = k + 1;
            long seed = 1_000_003L * idx;
            b.put(IF_ENTRY.append(1, idx), Variable.integer(idx));
            b.put(IF_ENTRY.append(2, idx), Variable.octetString(f.name()));
            b.put(IF_ENTRY.append(3, idx), Variable.integer(f.type()));
            b.put(IF_ENTRY.append(4, idx), Variable.integer(f.mtu()));
            b.put(IF_ENTRY.append(5, idx), Variable.gauge32(Math.min(f.speed(), 0xFFFFFFFFL)));
            b.put(IF_ENTRY.append(6, idx), Variable.octetString(f.mac()));
            b.put(IF_ENTRY.append(7, idx), Variable.integer(f.adminStatus()));
            b.put(IF_ENTRY.append(8, idx), Variable.integer(f.operStatus()));
            b.put(IF_ENTRY.append(9, idx), Variable.timeTicks(0));
            b.put(IF_ENTRY.append(10, idx), counter32(startNanos, seed * 7, f.inRate()));
            b.put(IF_ENTRY.append(11, idx), counter32(startNanos, seed, f.inRate() / 600));
            b.put(IF_ENTRY.append(12, idx), counter32(startNanos, seed / 3, f.inRate() / 20_000));
            b.put(IF_ENTRY.append(13, idx), Variable.counter32(0));
            b.put(IF_ENTRY.append(14, idx), Variable.counter32(0));
            b.put(IF_ENTRY.append(15, idx), Variable.counter32(0));
            b.put(IF_ENTRY.append(16, idx), counter32(startNanos, seed * 5, f.outRate()));
            b.put(IF_ENTRY.append(17, idx), counter32(startNanos, seed / 2, f.outRate() / 600));
            b.put(IF_ENTRY.append(18, idx), Variable.counter32(0));
            b.put(IF_ENTRY.append(19, idx), Variable.counter32(0));
            b.put(IF_ENTRY.append(20, idx), Variable.counter32(0));
            b.put(IF_ENTRY.append(21, idx), Variable.gauge32(0));
            b.put(IF_ENTRY.append(22, idx), Variable.objectId(Oid.of(0, 0)));

            b.put(IFX_ENTRY.append(1, idx), Variable.octetString(f.name()));
            b.put(IFX_ENTRY.append(6, idx), counter64(startNanos, seed * 7, f.inRate()));
            b.put(IFX_ENTRY.append(10, idx), counter64(startNanos, seed * 5, f.outRate()));
            b.put(IFX_ENTRY.append(15, idx), Variable.gauge32(f.speed() / 1_000_000L));
            b.put(IFX_ENTRY.append(18, idx), Variable.octetString(k == 1 ? "uplink" : ""));
        }

        b.put(HR_SYSTEM.append(1, 0), upTime);
        b.put(HR_SYSTEM.append(5, 0), Variable.gauge32(3));
        b.put(HR_SYSTEM.append(6, 0), new LiveValue() {
            @Override
            public Variable read(long now) {
                return Variable.gauge32(180 + (centis(now, startNanos) / 700) % 23);
            }
        });
        b.put(Oid.parse("1.3.6.1.2.1.25.2.2.0"), Variable.integer(16_318_464));
        String[] storage = {"Physical memory", "Swap space", "/"};
        int[] storageType = {2, 3, 4};
        long[] units = {1024, 1024, 4096};
        long[] sizes = {16_318_464, 2_097_148, 25_671_918};
        long[] used = {6_123_520, 0, 9_412_009};
        for (int i = 0; i < storage.length; i++) {
            int idx = i + 1;
            b.put(HR_STORAGE_ENTRY.append(1, idx), Variable.integer(idx));
            b.put(HR_STORAGE_ENTRY.append(2, idx), Variable.objectId(Oid.parse("1.3.6.1.2.1.25.2.1." + storageType[i])));
            b.put(HR_STORAGE_ENTRY.append(3, idx), Variable.octetString(storage[i]));
            b.put(HR_STORAGE_ENTRY.append(4, idx), Variable.integer((int) units[i]));
            b.put(HR_STORAGE_ENTRY.append(5, idx), Variable.integer((int) sizes[i]));
            b.put(HR_STORAGE_ENTRY.append(6, idx), Variable.integer((int) used[i]));
        }

        // UCD-SNMP-MIB: memory (4), load averages (10), CPU (11).
        b.put(UCD.append(4, 5, 0), Variable.integer(16_318_464));
        b.put(UCD.append(4, 6, 0), Variable.integer(9_870_112));
        String[] loadNames = {"Load-1", "Load-5", "Load-15"};
        String[] loads = {"0.42", "0.37", "0.30"};
        for (int i = 0; i < 3; i++) {
            int idx = i + 1;
            b.put(UCD.append(10, 1, 1, idx), Variable.integer(idx));
            b.put(UCD.append(10, 1, 2, idx), Variable.octetString(loadNames[i]));
            b.put(UCD.append(10, 1, 3, idx), Variable.octetString(loads[i]));
            b.put(UCD.append(10, 1, 5, idx), Variable.integer(Integer.parseInt(loads[i].replace(".", ""))));
            b.put(UCD.append(10, 1, 6, idx), Variable.opaqueFloat(Float.parseFloat(loads[i])));
        }
        b.put(UCD.append(11, 9, 0), Variable.integer(3));
        b.put(UCD.append(11, 10, 0), Variable.integer(1));
        b.put(UCD.append(11, 11, 0), Variable.integer(96));
        b.put(UCD.append(11, 50, 0), counter32(startNanos, 8_812_331, 40));
        return b.build();
    }

    private static long centis(long now, long start) {
        return Math.max(0, (now - start) / 10_000_000L);
    }

    /** A Counter32 that starts at {@code base} and grows by about {@code perSecond}, wrapping at 2^32. */
    private static LiveValue counter32(long startNanos, long base, long perSecond) {
        return now -> Variable.counter32((base + perSecond * centis(now, startNanos) / 100) & 0xFFFFFFFFL);
    }

    private static LiveValue counter64(long startNanos, long base, long perSecond) {
        return now -> Variable.counter64(base + perSecond * centis(now, startNanos) / 100);
    }
}
