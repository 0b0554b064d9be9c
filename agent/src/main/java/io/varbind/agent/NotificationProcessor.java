package io.varbind.agent;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Oid;
import io.varbind.codec.OidCache;
import io.varbind.codec.Pdu;
import io.varbind.codec.ScopedPdu;
import io.varbind.codec.SnmpMessage;
import io.varbind.codec.SnmpMessageDecoder;
import io.varbind.codec.SnmpMessageEncoder;
import io.varbind.codec.TrapV1Pdu;
import io.varbind.codec.V3Envelope;
import io.varbind.codec.V3Message;
import io.varbind.codec.VarBind;
import io.varbind.codec.Variable;
import io.varbind.usm.AuthProtocol;
import io.varbind.usm.EngineState;
import io.varbind.usm.PrivProtocol;
import io.varbind.usm.UsmException;
import io.varbind.usm.UsmSecurityModel;
import io.varbind.usm.UsmStats;
import io.varbind.usm.UsmUser;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The notification receiver's message processing (RFC 3413 section 3.4 with RFC 3412 and 3414),
 * without sockets: one message in; out, either a Report to send at once (engine discovery and
 * USM errors of informs, to this receiver's own engine), or an accepted {@link Notification} with,
 * for an inform, the Response that acknowledges it, or nothing (counted).
 *
 * <p>v1 and v2c need a known community. v3 traps need a user of the sending engine (the sender is
 * authoritative: its boots and time are checked against what was last seen from it, RFC 3414
 * section 3.2 step 7b); informs a user of this receiver's engine (step 7a). Thread-safe.
 */
final class NotificationProcessor {
    private static final ThreadLocal<V3Envelope> ENVELOPE = ThreadLocal.withInitial(V3Envelope::new);
    private static final int MAX_SIZE = 65507;
    /** The context engine id of every v1/v2c notification (never handed out: Notification gives it as hex). */
    private static final byte[] NO_OCTETS = new byte[0];
    /** Where acknowledgements are encoded before their exact-size copy (one per executor thread). */
    private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[MAX_SIZE + 1024]);

    /** What one message gave. {@code report} is sent at once; {@code ack} after the callback. */
    record Outcome(byte[] report, Notification notification, Acknowledgement ack) {
        static final Outcome NOTHING = new Outcome(null, null, null);
    }

    /** Where an answer goes: back to the datagram's sender, or down the stream it came on. */
    @FunctionalInterface
    interface Reply {
        /** Sends {@code message[offset, offset + length)}; the array may be reused once this returns. */
        void send(byte[] message, int offset, int length);
    }

    /** Encodes the Response that acknowledges an inform and sends it, when it is time to. */
    @FunctionalInterface
    interface Acknowledgement {
        void sendTo(Reply reply);
    }

    private final Set<String> communities;
    /** The accepted communities' octets, beside {@link #communityNames}: matched without a String per message. */
    private final byte[][] communityOctets;
    private final String[] communityNames;
    /** The OIDs of recent v1/v2c notifications: the same names arrive again and again. */
    private final OidCache names = new OidCache();
    private final byte[] engineId;
    private final EngineState engine;
    /** Users of this receiver's engine (informs), by name. */
    private final Map<String, UsmUser> ownUsers;
    /** Users of sending engines (traps), by engine id hex + '/' + name. */
    private final Map<String, UsmUser> senderUsers;
    private final Set<String> senderEngines;
    /** What was last seen of each sending engine (its boots and time), by engine id hex. */
    private final Map<String, EngineState> senders = new ConcurrentHashMap<>();
    private final ReceiverStatistics stats;
    private final NotificationReceiver.Display display;
    /** TSM securityNames whose notifications are accepted over (D)TLS. */
    private final Set<String> tsmNames;

    NotificationProcessor(Set<String> communities, byte[] engineId, int engineBoots, Map<String, UsmUser> ownUsers,
            Map<String, UsmUser> senderUsers, ReceiverStatistics stats, NotificationReceiver.Display display) {
        this(communities, engineId, engineBoots, ownUsers, senderUsers, Set.of(), stats, display);
    }

    NotificationProcessor(Set<String> communities, byte[] engineId, int engineBoots, Map<String, UsmUser> ownUsers,
            Map<String, UsmUser> senderUsers, Set<String> tsmNames, ReceiverStatistics stats,
            NotificationReceiver.Display display) {
        this.tsmNames = Set.copyOf(tsmNames);
        this.communities = Set.copyOf(communities);
        this.communityNames = this.communities.toArray(new String[0]);
        this.communityOctets = new byte[communityNames.length][];
        for (int i = 0; i < communityNames.length; i++) {
            byte[] octets = communityNames[i].getBytes(StandardCharsets.ISO_8859_1);
            // a name beyond ISO-8859-1 is spelled by no octets (as the String comparison found): never matched
            communityOctets[i] = new String(octets, StandardCharsets.ISO_8859_1).equals(communityNames[i]) ? octets : null;
        }
        this.engineId = engineId.clone();
        this.engine = new EngineState(engineId, engineBoots, 0);
        this.ownUsers = Map.copyOf(ownUsers);
        this.senderUsers = Map.copyOf(senderUsers);
        this.senderEngines = Set.copyOf(senderUsers.keySet().stream().map(k -> k.substring(0, k.indexOf('/'))).toList());
        this.stats = stats;
        this.display = display;
    }

    byte[] engineId() {
        return engineId.clone();
    }

    /**
     * Processes the message {@code msg[0, len)}; {@code msg} must be this message's own array (v3
     * is decrypted in place, and the notification's values refer to it).
     */
    Outcome process(byte[] msg, int len, InetSocketAddress source, InetSocketAddress destination, String transport) {
        return process(msg, len, source, destination, transport, null);
    }

    /** As {@link #process(byte[], int, InetSocketAddress, InetSocketAddress, String)}; over (D)TLS with the client's securityName. */
    Outcome process(byte[] msg, int len, InetSocketAddress source, InetSocketAddress destination, String transport,
            String tmSecurityName) {
        stats.received.increment();
        try {
            if (len > 1 && isV3(msg, len)) {
                return v3(msg, len, source, destination, transport, tmSecurityName);
            }
            SnmpMessage m = SnmpMessageDecoder.decode(msg, 0, len, names);
            if (!(m instanceof CommunityMessage cm)) {
                stats.malformed.increment();
                return Outcome.NOTHING;
            }
            return community(cm, msg, len, source, destination, transport);
        } catch (UsmException e) {
            count(e.counter());
            return Outcome.NOTHING;
        } catch (RuntimeException e) {
            stats.malformed.increment(); // BerDecodeException and whatever else a hostile packet provokes
            return Outcome.NOTHING;
        }
    }

    private static boolean isV3(byte[] msg, int len) {
        // SEQUENCE, then INTEGER version 3 (short forms; anything else goes the general decoder's way)
        int i = 1;
        int l = msg[i] & 0xFF;
        i += l < 0x80 ? 1 : 1 + (l & 0x7F);
        return i + 2 < len && msg[i] == 0x02 && msg[i + 1] == 0x01 && msg[i + 2] == 3;
    }

    private Outcome community(CommunityMessage cm, byte[] msg, int len, InetSocketAddress source,
            InetSocketAddress destination, String transport) {
        String community = community(cm.community());
        if (community == null) {
            stats.badCommunities.increment();
            return Outcome.NOTHING;
        }
        int version = cm.version() == 0 ? 1 : 2;
        TrapV1Pdu t = cm.trapV1();
        if (t != null) {
            if (t.genericTrap() == 6 && t.enterprise().size() > Oid.MAX_ARCS - 2) {
                // enterprise.0.specific (RFC 3584 section 3.1) would pass the 128 arcs an OID may have
                // (RFC 2578 section 3.5): no notification OID to give it
                stats.malformed.increment();
                return Outcome.NOTHING;
            }
            return new Outcome(null, new Notification(source, destination, transport, 1, community, community,
                    "noAuthNoPriv", NO_OCTETS, "", Notification.Kind.TRAP_V1, t.enterprise(), t.agentAddr(),
                    t.genericTrap(), t.specificTrap(), t.timestamp(), t.varBinds(), display), null);
        }
        Pdu p = cm.regularPdu();
        if (version == 1 || p.type() != BerTags.TRAP_V2 && p.type() != BerTags.INFORM) {
            stats.unsupportedPdus.increment();
            return Outcome.NOTHING;
        }
        boolean inform = p.type() == BerTags.INFORM;
        Notification n = new Notification(source, destination, transport, 2, community, community, "noAuthNoPriv",
                NO_OCTETS, "", inform ? Notification.Kind.INFORM : Notification.Kind.TRAP, null, null, 0, 0, 0,
                p.varBinds(), display);
        Acknowledgement ack = null;
        if (inform) {
            int tag = p.errorStatus() == 0 && p.errorIndex() == 0 ? pduTagOffset(msg, len) : -1;
            if (tag > 0) {
                // The Response is the inform with its PDU tag changed (RFC 3416 section 4.2.7: same
                // request-id, error-status and error-index zero, the same varbinds): sent from the
                // received bytes, nothing encoded or allocated. The tag is no part of any value the
                // notification keeps, so changing it in place leaves the notification as it was.
                int end = Math.min(len, headerEnd(msg, 0, len) + contentLength(msg, 0)); // bytes may follow it
                ack = reply -> {
                    msg[tag] = (byte) BerTags.RESPONSE;
                    reply.send(msg, 0, end);
                };
            } else {
                ack = reply -> {
                    byte[] out = SCRATCH.get();
                    reply.send(out, 0, SnmpMessageEncoder.encode(new CommunityMessage(1, cm.community(), response(p)),
                            out, 0));
                };
            }
        }
        return new Outcome(null, n, ack);
    }

    /** The accepted community spelled by {@code octets}, or null (a few: compared as octets, no String made). */
    private String community(byte[] octets) {
        if (communityOctets.length > 8) { // many: one hash lookup beats comparing each
            String c = new String(octets, StandardCharsets.ISO_8859_1);
            return communities.contains(c) ? c : null;
        }
        for (int i = 0; i < communityOctets.length; i++) {
            if (Arrays.equals(communityOctets[i], octets)) {
                return communityNames[i];
            }
        }
        return null;
    }

    /**
     * Where the PDU's tag lies in a community message (after the SEQUENCE header, the version and
     * the community), or -1 when the message is not laid out so (it was decoded, so only a
     * BER spelling the walk does not follow can make it so).
     */
    static int pduTagOffset(byte[] msg, int len) {
        int i = headerEnd(msg, 0, len); // inside the message SEQUENCE
        for (int skip = 0; skip < 2 && i > 0; skip++) { // version, community
            int h = headerEnd(msg, i, len);
            i = h < 0 ? -1 : h + contentLength(msg, i);
        }
        return i > 0 && i < len && (msg[i] & 0xFF) == BerTags.INFORM ? i : -1;
    }

    /** The offset after the tag and length octets of the TLV at {@code at}, or -1. */
    private static int headerEnd(byte[] msg, int at, int len) {
        if (at + 1 >= len) {
            return -1;
        }
        int l = msg[at + 1] & 0xFF;
        int end = at + 2 + (l < 0x80 ? 0 : l & 0x7F);
        return l == 0x80 || l > 0x84 || end > len ? -1 : end;
    }

    /** The content length of the TLV at {@code at} (its header checked by {@link #headerEnd}). */
    private static int contentLength(byte[] msg, int at) {
        int l = msg[at + 1] & 0xFF;
        if (l < 0x80) {
            return l;
        }
        int n = 0;
        for (int k = 0; k < (l & 0x7F); k++) {
            n = n << 8 | msg[at + 2 + k] & 0xFF;
        }
        return n;
    }

    /** RFC 3416 section 4.2.7: the Response echoes the request-id and the variable bindings. */
    private static Pdu response(Pdu inform) {
        return new Pdu(BerTags.RESPONSE, inform.requestId(), 0, 0, inform.varBinds());
    }

    private Outcome v3(byte[] msg, int len, InetSocketAddress source, InetSocketAddress destination,
            String transport, String tmSecurityName) {
        V3Envelope e = ENVELOPE.get();
        e.parse(msg, 0, len);
        if (e.securityModel() == V3Message.SECURITY_MODEL_TSM && tmSecurityName != null) {
            return tsm(msg, len, source, destination, transport, tmSecurityName);
        }
        if (e.securityModel() != V3Message.SECURITY_MODEL_USM) {
            stats.unknownSecurityModels.increment();
            return Outcome.NOTHING;
        }
        byte[] eid = Arrays.copyOfRange(msg, e.engineIdOffset(), e.engineIdOffset() + e.engineIdLength());
        String name = new String(msg, e.userNameOffset(), e.userNameLength(), StandardCharsets.UTF_8);
        int msgId = e.msgId();
        boolean reportable = e.isReportable();
        boolean auth = e.isAuth();
        boolean priv = e.isPriv();
        if (eid.length == 0) { // discovery (RFC 3414 section 4): our engine id, boots and time in a report
            return report(UsmStats.UNKNOWN_ENGINE_IDS, msgId, reportable && !unconfirmed(msg, e), null);
        }
        boolean own = Arrays.equals(eid, engineId);
        String hex = HexFormat.of().formatHex(eid);
        UsmUser u = own ? ownUsers.get(name) : senderUsers.get(hex + "/" + name);
        if (u == null) {
            if (!own && !senderEngines.contains(hex)) {
                return report(UsmStats.UNKNOWN_ENGINE_IDS, msgId, reportable, null);
            }
            return ownReport(own, UsmStats.UNKNOWN_USER_NAMES, msgId, reportable);
        }
        if (auth && u.auth() == AuthProtocol.NONE || priv && u.priv() == PrivProtocol.NONE
                || !auth && u.auth() != AuthProtocol.NONE) {
            return ownReport(own, UsmStats.UNSUPPORTED_SEC_LEVELS, msgId, reportable);
        }
        EngineState sender = own ? null : senders.computeIfAbsent(hex, k -> new EngineState(eid, 0, 0));
        ScopedPdu scoped;
        try {
            scoped = UsmSecurityModel.decodeScopedPduInPlace(msg, 0, len, u, sender, e);
        } catch (UsmException x) {
            if (!x.counter().startsWith("usmStats")) {
                count(x.counter());
                return Outcome.NOTHING;
            }
            return ownReport(own, x.counter(), msgId, reportable);
        }
        if (own && auth && (e.engineBoots() != engine.boots()
                || Math.abs(e.engineTime() - engine.time()) > EngineState.TIME_WINDOW)) {
            // RFC 3414 section 3.2 step 7a: the report is authenticated, so the sender may trust our time
            UsmUser authOnly = u.withoutPrivacy();
            try {
                return report(UsmStats.NOT_IN_TIME_WINDOWS, msgId, reportable, authOnly);
            } finally {
                authOnly.destroy();
            }
        }
        Pdu p = scoped.pdu();
        if (p.type() != BerTags.TRAP_V2 && p.type() != BerTags.INFORM) {
            stats.unsupportedPdus.increment();
            return Outcome.NOTHING;
        }
        boolean inform = p.type() == BerTags.INFORM;
        String level = priv ? "authPriv" : auth ? "authNoPriv" : "noAuthNoPriv";
        Notification n = new Notification(source, destination, transport, 3, null, name, level, scoped.contextEngineId(),
                new String(scoped.contextName(), StandardCharsets.UTF_8),
                inform ? Notification.Kind.INFORM : Notification.Kind.TRAP, null, null, 0, 0, 0, p.varBinds(), display);
        Acknowledgement ack = null;
        if (inform) {
            // RFC 3412 section 7.1 step 3: the same msgID, security and context, at the request's level
            ScopedPdu reply = new ScopedPdu(scoped.contextEngineId(), scoped.contextName(), response(p));
            ack = r -> {
                byte[] out = SCRATCH.get();
                r.send(out, 0, UsmSecurityModel.encode(out, 0, msgId, MAX_SIZE, false, u, own ? engine : sender, reply));
            };
        }
        return new Outcome(null, n, ack);
    }

    /**
     * A Transport Security Model message over an authorized (D)TLS session (RFC 5591): the
     * securityName is the one the client's certificate mapped to, the level the one asked for
     * (within the session's authPriv), the scoped PDU in clear. The RFC 5343 probe a sender makes
     * first is answered; notifications from names not accepted are counted and dropped.
     */
    private Outcome tsm(byte[] msg, int len, InetSocketAddress source, InetSocketAddress destination,
            String transport, String name) {
        if (!(SnmpMessageDecoder.decode(msg, 0, len) instanceof V3Message m) || m.scopedPdu() == null) {
            stats.malformed.increment();
            return Outcome.NOTHING;
        }
        byte[] probe = TsmAgentProcessor.probeAnswer(m, engineId);
        if (probe != null) {
            return new Outcome(probe, null, null);
        }
        ScopedPdu scoped = m.scopedPdu();
        Pdu p = scoped.pdu();
        if (p.type() != BerTags.TRAP_V2 && p.type() != BerTags.INFORM) {
            stats.unsupportedPdus.increment();
            return Outcome.NOTHING;
        }
        if (!tsmNames.contains(name)) {
            stats.unknownTsmNames.increment();
            return Outcome.NOTHING;
        }
        boolean inform = p.type() == BerTags.INFORM;
        String level = m.isPriv() ? "authPriv" : m.isAuth() ? "authNoPriv" : "noAuthNoPriv";
        Notification n = new Notification(source, destination, transport, 3, null, name, level,
                scoped.contextEngineId(), new String(scoped.contextName(), StandardCharsets.UTF_8),
                inform ? Notification.Kind.INFORM : Notification.Kind.TRAP, null, null, 0, 0, 0, p.varBinds(), display);
        Acknowledgement ack = !inform ? null : reply -> {
            byte[] out = SCRATCH.get();
            reply.send(out, 0, TsmAgentProcessor.encodeAnswer(m, response(p), out));
        };
        return new Outcome(null, n, ack);
    }

    /**
     * Whether an unencrypted message carries a PDU of the Response or Unconfirmed class (a Report,
     * Response or Trap), which is never answered with a Report whatever its reportable flag says
     * (RFC 3412 section 6.4): two receivers that a spoofed Report set answering each other get
     * nothing to answer.
     */
    private static boolean unconfirmed(byte[] msg, V3Envelope e) {
        if (e.encrypted()) {
            return false; // the class cannot be seen; an unknown engine's encrypted data is rare and answered
        }
        int end = e.dataOffset() + e.dataLength();
        int i = headerEnd(msg, e.dataOffset(), end); // inside the scoped PDU
        for (int skip = 0; skip < 2 && i > 0; skip++) { // contextEngineID, contextName
            int h = headerEnd(msg, i, end);
            i = h < 0 ? -1 : h + contentLength(msg, i);
        }
        if (i < 0 || i >= end) {
            return false;
        }
        int tag = msg[i] & 0xFF;
        return tag == BerTags.REPORT || tag == BerTags.RESPONSE || tag == BerTags.TRAP_V2;
    }

    /** A USM error: reported when the message was to this receiver's engine (an inform), else counted. */
    private Outcome ownReport(boolean own, String counter, int msgId, boolean reportable) {
        if (!own) {
            count(counter);
            return Outcome.NOTHING;
        }
        return report(counter, msgId, reportable, null);
    }

    /** Counts {@code counter} and, when reportable, answers with its Report from this engine. */
    private Outcome report(String counter, int msgId, boolean reportable, UsmUser user) {
        long n = count(counter);
        if (!reportable) {
            return Outcome.NOTHING;
        }
        Pdu report = new Pdu(BerTags.REPORT, msgId, 0, 0, List.of(new VarBind(UsmStats.oid(counter),
                Variable.counter32(n))));
        byte[] out = new byte[1500];
        int len = UsmSecurityModel.encode(out, 0, msgId, MAX_SIZE, false, user, engine,
                new ScopedPdu(engineId, new byte[0], report));
        return new Outcome(Arrays.copyOf(out, len), null, null);
    }

    private long count(String counter) {
        return stats.usm(counter);
    }
}
