package io.varbind.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class EndpointTest {

    @Test
    void netSnmpSpellings() {
        assertEquals(new Endpoint(false, "127.0.0.1", 16100, 16100), Endpoint.parse("udp:127.0.0.1:16100"));
        assertEquals(new Endpoint(true, "127.0.0.1", 16100, 16100), Endpoint.parse("tcp:127.0.0.1:16100"));
        assertEquals(new Endpoint(false, "::1", 161, 161), Endpoint.parse("udp6:[::1]:161"));
        assertEquals(new Endpoint(true, "::1", 161, 161), Endpoint.parse("tcp6:[::1]:161"));
        assertEquals(new Endpoint(false, "0.0.0.0", 1161, 1161), Endpoint.parse("1161"));
        assertEquals(new Endpoint(false, "localhost", 20000, 20999), Endpoint.parse("localhost:20000-20999"));
        assertEquals(1000, Endpoint.parse("udp:127.0.0.1:20000-20999").portCount());
        assertEquals(List.of(Endpoint.parse("udp:127.0.0.1:1"), Endpoint.parse("tcp:127.0.0.1:2")),
                Endpoint.parseList("udp:127.0.0.1:1, tcp:127.0.0.1:2"));
    }

    @Test
    void nonsense() {
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("udp:127.0.0.1:x"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("udp:::1:161"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("udp:[::1]"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("udp:127.0.0.1:70000"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parse("udp:127.0.0.1:20-10"));
        assertThrows(IllegalArgumentException.class, () -> Endpoint.parseList(" , "));
    }
}
