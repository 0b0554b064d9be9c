package io.varbind.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import io.varbind.Session;
import io.varbind.SnmpVariable;
import io.varbind.testing.SnmpdAgent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

/** The trap task without a cluster: an inform is answered when Connect commits its record, not before. */
class SnmpTrapSourceTaskTest {

    @Test
    void anInformIsAnsweredOnlyWhenItsRecordIsCommitted() throws Exception {
        int port = SnmpdAgent.freePort();
        SnmpTrapSourceTask task = new SnmpTrapSourceTask();
        task.start(Map.of("topic", "t", "snmp.listen", "udp:127.0.0.1:" + port, "snmp.community", "c"));
        try (Session s = Session.builder().hostname("127.0.0.1:" + port).version(2).community("c").timeout(10)
                .retries(0).build()) {
            CompletableFuture<Void> f = s.informAsync("IF-MIB::linkDown", List.of(SnmpVariable.of("ifIndex.1", "1")));
            List<SourceRecord> records = null;
            for (int i = 0; i < 10 && records == null; i++) {
                records = task.poll();
            }
            assertNotNull(records);
            assertEquals(1, records.size());
            SourceRecord r = records.get(0);
            assertEquals("INFORM", ((Struct) r.value()).getString("kind"));
            Thread.sleep(300);
            assertFalse(f.isDone(), "answered before Kafka had the record");
            task.commitRecord(r, null);
            f.get(5, TimeUnit.SECONDS);
        } finally {
            task.stop();
        }
    }
}
