package io.varbind.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Reads the golden packet files of {@code src/test/resources/golden}. */
final class Golden {
    static final List<String> NAMES = List.of("v2c-get", "v1-get", "v1-nosuchname", "v2c-nosuchobject", "v2c-getnext",
            "v2c-getbulk-system", "v2c-getbulk-mixed", "v2c-endofmibview", "v2c-set-notwritable", "v2c-set-types",
            "v3-noauth-get", "v3-sha-aes-get", "v2c-trap", "v1-trap");

    /** One captured packet: sent by the client (true) or received from the agent. */
    record Packet(String file, int index, boolean sent, byte[] bytes) {
        @Override
        public String toString() {
            return file + "#" + index + (sent ? " sent" : " received");
        }
    }

    private Golden() {
    }

    static List<Packet> packets(String name) {
        try (InputStream in = Golden.class.getResourceAsStream("/golden/" + name + ".txt")) {
            if (in == null) {
                throw new IllegalStateException("missing golden file " + name);
            }
            List<Packet> out = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith(">") || line.startsWith("<")) {
                    out.add(new Packet(name, out.size(), line.charAt(0) == '>',
                            HexFormat.of().parseHex(line.substring(2).trim())));
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Packet> all() {
        List<Packet> all = new ArrayList<>();
        for (String n : NAMES) {
            all.addAll(packets(n));
        }
        return all;
    }
}
