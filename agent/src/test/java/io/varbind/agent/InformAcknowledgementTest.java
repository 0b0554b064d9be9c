package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.varbind.codec.BerTags;
import io.varbind.codec.CommunityMessage;
import io.varbind.codec.Pdu;
import io.varbind.codec.SnmpMessageDecoder;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Response that acknowledges a v2c inform, for informs of every shape a sender may spell
 * (short and long length forms, lengths in more octets than needed, large values, bytes after
 * the message, error fields a hostile sender set): it is the inform's message with the PDU tag
 * of a Response, the same request-id and varbinds, error-status and error-index zero (RFC 3416
 * section 4.2.7), without the bytes after the message; and the notification handed to the
 * application keeps its varbinds after the acknowledgement went out (it is sent from the
 * received bytes).
 */
class InformAcknowledgementTest {

    @Test
    void everyInformIsAnsweredWithItsOwnVarbindsAndTheNotificationKeepsThem() throws Exception {
        LinkedBlockingQueue<Notification> received = new LinkedBlockingQueue<>();
        int port;
        try (DatagramSocket probe = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        NotificationReceiver r = NotificationReceiver.builder().listen("udp:127.0.0.1:" + port).community("public")
                .threads(1).onNotification(received::add).build();
        Random random = new Random(4217);
        int patchedShapes = 0;
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            s.setSoTimeout(5000);
            for (int i = 0; i < 300; i++) {
                int requestId = random.nextInt();
                boolean hostileErrors = i % 7 == 3;
                int errorStatus = hostileErrors ? 1 + random.nextInt(18) : 0;
                int errorIndex = hostileErrors ? random.nextInt(5) : 0;
                boolean wide = random.nextBoolean(); // lengths in more octets than needed
                byte[] msg = inform(random, requestId, errorStatus, errorIndex, wide);
                CommunityMessage sent = (CommunityMessage) SnmpMessageDecoder.decode(msg);
                byte[] datagram = msg;
                if (i % 5 == 1) { // bytes after the message: not part of it, not echoed
                    datagram = Arrays.copyOf(msg, msg.length + 1 + random.nextInt(20));
                    for (int k = msg.length; k < datagram.length; k++) {
                        datagram[k] = (byte) random.nextInt(256);
                    }
                }
                s.send(new DatagramPacket(datagram, datagram.length, InetAddress.getLoopbackAddress(), port));
                DatagramPacket p = new DatagramPacket(new byte[65536], 65536);
                s.receive(p);
                byte[] answer = Arrays.copyOf(p.getData(), p.getLength());
                CommunityMessage got = (CommunityMessage) SnmpMessageDecoder.decode(answer);
                String what = "inform " + i + " (errors " + errorStatus + "/" + errorIndex + ", wide " + wide + ")";
                assertEquals(1, got.version(), what);
                assertArrayEquals("public".getBytes(StandardCharsets.US_ASCII), got.community(), what);
                Pdu pdu = got.regularPdu();
                assertEquals(BerTags.RESPONSE, pdu.type(), what);
                assertEquals(requestId, pdu.requestId(), what);
                assertEquals(0, pdu.errorStatus(), what);
                assertEquals(0, pdu.errorIndex(), what);
                assertEquals(sent.regularPdu().varBinds(), pdu.varBinds(), what);
                if (!hostileErrors) {
                    // the received bytes themselves, bar the tag (and nothing after the message)
                    byte[] expected = msg.clone();
                    expected[NotificationProcessor.pduTagOffset(msg, msg.length)] = (byte) BerTags.RESPONSE;
                    assertArrayEquals(expected, answer, what);
                    patchedShapes++;
                }
                Notification n = received.poll(5, TimeUnit.SECONDS);
                assertNotNull(n, what);
                assertEquals(Notification.Kind.INFORM, n.kind(), what);
                assertEquals(sent.regularPdu().varBinds(), n.varBinds(), what + ": the notification after its ack");
            }
        } finally {
            r.close();
        }
        assertTrue(patchedShapes > 200, "informs answered from their own bytes: " + patchedShapes);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (r.statistics().acknowledged() < 300 && System.nanoTime() < deadline) {
            Thread.sleep(5); // counted just after the last Response went out
        }
        assertEquals(300, r.statistics().acknowledged());
    }

    /** A v2c InformRequest built octet by octet, so that its length forms are ours to choose. */
    private static byte[] inform(Random random, int requestId, int errorStatus, int errorIndex, boolean wide) {
        List<byte[]> vbs = new ArrayList<>();
        vbs.add(varbind(new int[] {1, 3, 6, 1, 2, 1, 1, 3, 0}, tlv(BerTags.TIMETICKS, unsigned(random.nextInt() & 0xFFFFFFFFL), wide)));
        vbs.add(varbind(new int[] {1, 3, 6, 1, 6, 3, 1, 1, 4, 1, 0}, tlv(BerTags.OBJECT_IDENTIFIER,
                oid(new int[] {1, 3, 6, 1, 6, 3, 1, 1, 5, 1 + random.nextInt(5)}), wide)));
        int extra = random.nextInt(12);
        for (int k = 0; k < extra; k++) {
            int[] name = {1, 3, 6, 1, 4, 1, 8072, 9999, 1 + random.nextInt(5), random.nextInt(1 << 20)};
            byte[] value;
            switch (random.nextInt(5)) {
                case 0 -> value = tlv(BerTags.INTEGER, BigInteger.valueOf(random.nextInt()).toByteArray(), wide);
                case 1 -> {
                    byte[] octets = new byte[random.nextInt(random.nextBoolean() ? 20 : 400)]; // long forms
                    random.nextBytes(octets);
                    value = tlv(BerTags.OCTET_STRING, octets, wide);
                }
                case 2 -> value = tlv(BerTags.COUNTER32, unsigned(random.nextInt() & 0xFFFFFFFFL), wide);
                case 3 -> value = tlv(BerTags.COUNTER64, unsigned(random.nextLong() >>> 1), wide);
                default -> value = tlv(BerTags.NULL, new byte[0], wide);
            }
            vbs.add(varbind(name, value));
        }
        byte[] list = tlv(BerTags.SEQUENCE, concat(vbs), wide);
        byte[] pdu = tlv(BerTags.INFORM, concat(List.of(tlv(BerTags.INTEGER, BigInteger.valueOf(requestId).toByteArray(),
                wide), tlv(BerTags.INTEGER, BigInteger.valueOf(errorStatus).toByteArray(), wide),
                tlv(BerTags.INTEGER, BigInteger.valueOf(errorIndex).toByteArray(), wide), list)), wide);
        return tlv(BerTags.SEQUENCE, concat(List.of(tlv(BerTags.INTEGER, new byte[] {1}, wide),
                tlv(BerTags.OCTET_STRING, "public".getBytes(StandardCharsets.US_ASCII), wide), pdu)), wide);
    }

    private static byte[] varbind(int[] name, byte[] value) {
        return tlv(BerTags.SEQUENCE, concat(List.of(tlv(BerTags.OBJECT_IDENTIFIER, oid(name), false), value)), false);
    }

    /** A tag, a length (minimal, or with {@code wide} in the long form of two to four octets) and the content. */
    private static byte[] tlv(int tag, byte[] content, boolean wide) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(tag);
        int n = content.length;
        if (!wide && n < 0x80) {
            out.write(n);
        } else {
            int octets = Math.max(wide ? 2 : 1, (32 - Integer.numberOfLeadingZeros(n) + 7) / 8);
            out.write(0x80 | octets);
            for (int k = octets - 1; k >= 0; k--) {
                out.write(n >>> (8 * k));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    private static byte[] unsigned(long v) {
        return BigInteger.valueOf(v).toByteArray();
    }

    private static byte[] oid(int[] arcs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(arcs[0] * 40 + arcs[1]);
        for (int i = 2; i < arcs.length; i++) {
            int a = arcs[i];
            for (int shift = 28; shift > 0; shift -= 7) {
                if (a >>> shift != 0) {
                    out.write(0x80 | (a >>> shift) & 0x7F);
                }
            }
            out.write(a & 0x7F);
        }
        return out.toByteArray();
    }

    private static byte[] concat(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
