package io.varbind.kafka;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.connect.runtime.rest.entities.ConnectorStateInfo;
import org.apache.kafka.connect.runtime.rest.entities.TaskInfo;
import org.apache.kafka.connect.util.clusters.EmbeddedConnectCluster;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The figure of issue 18 section 4, behind a property (not in the default run): DEVICES simulated
 * devices (the built-in agent on free ports, in this JVM) polled every second by the connector on
 * an EmbeddedConnectCluster of 1, then 2 workers, into a topic; prints device polls per second
 * arriving in the topic (end to end: a consumer in this JVM counts them), the poll-to-consumer
 * latency, and how the targets split over the tasks and workers. Run:
 *
 * <pre>
 * mvn -B -ntp verify -pl api,agent,kafka-connect -Dtest=ConnectThroughputBench \
 *     -Dvarbind.connectBench=10000 -Dkafka.test.argLine=-Xmx1g -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 */
@Tag("benchmark")
@EnabledIfSystemProperty(named = "varbind.connectBench", matches = "\\d+")
class ConnectThroughputBench {

    @Test
    void devicePollsPerSecondIntoATopic() throws Exception {
        int devices = Integer.parseInt(System.getProperty("varbind.connectBench"));
        int seconds = Integer.getInteger("varbind.connectBench.seconds", 20);
        String external = System.getProperty("varbind.connectBench.agent", "");
        List<String> lines = new ArrayList<>();
        if (!external.isEmpty()) { // HOST:BASE_PORT, an agent in another process (benchmarks/scripts/connect.sh)
            int colon = external.lastIndexOf(':');
            String host = external.substring(0, colon);
            int base = Integer.parseInt(external.substring(colon + 1));
            List<String> targets = new ArrayList<>();
            for (int i = 0; i < devices; i++) {
                targets.add("udp:" + host + ":" + (base + i));
            }
            for (int workers : workerCounts()) {
                lines.add(run(targets, workers, seconds));
            }
        } else {
            try (SimulatedDevices agent = new SimulatedDevices(devices)) {
                for (int workers : workerCounts()) {
                    lines.add(run(agent.targets(), workers, seconds));
                }
            }
        }
        for (String l : lines) {
            System.out.println(l);
        }
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** {@code -Dproperty=k=v;k=v}: settings added to (or replacing) the worker's or the connector's. */
    private static Map<String, String> settings(String property) {
        Map<String, String> out = new HashMap<>();
        for (String kv : System.getProperty(property, "").split(";")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                out.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
            }
        }
        return out;
    }

    /** {@code -Dvarbind.connectBench.workers=1,2} (the default): the worker counts to run, one cluster each. */
    private static List<Integer> workerCounts() {
        List<Integer> out = new ArrayList<>();
        for (String w : System.getProperty("varbind.connectBench.workers", "1,2").split(",")) {
            out.add(Integer.parseInt(w.trim()));
        }
        return out;
    }

    private static String run(List<String> targets, int workers, int seconds) throws Exception {
        Map<String, String> worker = new HashMap<>();
        worker.put("plugin.discovery", "service_load");
        worker.put("key.converter", "org.apache.kafka.connect.storage.StringConverter");
        worker.put("value.converter", "org.apache.kafka.connect.json.JsonConverter");
        worker.put("value.converter.schemas.enable", "false");
        worker.put("offset.flush.interval.ms", "5000");
        worker.putAll(settings("varbind.connectBench.worker"));
        EmbeddedConnectCluster connect = new EmbeddedConnectCluster.Builder().name("bench-" + workers).numBrokers(1)
                .numWorkers(workers).workerProps(worker).build();
        connect.start();
        try {
            String topic = "bench";
            connect.kafka().createTopic(topic, 4);
            Map<String, String> c = new HashMap<>();
            c.put("connector.class", SnmpPollSourceConnector.class.getName());
            c.put("tasks.max", String.valueOf(2 * workers));
            c.put("topic", topic);
            c.put("snmp.targets", String.join(",", targets));
            c.put("snmp.oids", "sysDescr.0,sysObjectID.0,sysUpTime.0,sysContact.0,sysName.0,sysLocation.0,"
                    + "sysServices.0,ifNumber.0,ifInOctets.1,ifOutOctets.1");
            c.put("snmp.interval.ms", "1000");
            c.put("snmp.timeout.ms", "2000");
            // the producer settings the README recommends: Connect's own (acks=all, one request in
            // flight, 16 KB batches) capped this at ~2,100 device polls/s, one round trip per 16 KB
            c.put("producer.override.linger.ms", "20");
            c.put("producer.override.batch.size", "1048576");
            c.put("producer.override.compression.type", "lz4");
            c.put("producer.override.max.in.flight.requests.per.connection", "5");
            c.putAll(settings("varbind.connectBench.connector"));
            connect.configureConnector("bench", c);
            long warmUntil = System.currentTimeMillis() + 15_000;
            long count = 0;
            long cpu0 = 0;
            long valueBytes = 0;
            List<Long> latencies = new ArrayList<>();
            long start = 0;
            try (KafkaConsumer<byte[], byte[]> consumer = connect.kafka().createConsumerAndSubscribeTo(Map.of(
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest",
                    ConsumerConfig.GROUP_ID_CONFIG, "bench-" + UUID.randomUUID()), topic)) {
                while (System.currentTimeMillis() < warmUntil) {
                    consumer.poll(Duration.ofMillis(200));
                }
                start = System.currentTimeMillis();
                cpu0 = processCpuNanos();
                long end = start + seconds * 1000L;
                while (System.currentTimeMillis() < end) {
                    for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                        if (r.timestamp() >= start) {
                            count++;
                            valueBytes += r.value() == null ? 0 : r.value().length;
                            if ((count & 15) == 0) {
                                latencies.add(System.currentTimeMillis() - r.timestamp());
                            }
                        }
                    }
                }
            }
            long cpu = processCpuNanos() - cpu0;
            ConnectorStateInfo status = connect.connectorStatus("bench");
            StringBuilder split = new StringBuilder();
            List<TaskInfo> tasks = connect.taskConfigs("bench");
            for (int i = 0; i < tasks.size(); i++) {
                int n = tasks.get(i).config().get(SnmpPollConfig.TASK_TARGETS).split("\n").length;
                String workerId = status.tasks().size() > i ? status.tasks().get(i).workerId() : "?";
                split.append(i == 0 ? "" : ", ").append("task ").append(i).append(": ").append(n).append(" on ")
                        .append(workerId);
            }
            latencies.sort(null);
            double rate = count / (double) seconds;
            assertTrue(count > 0, "no record reached the topic");
            return String.format(Locale.ROOT, "%d worker(s), %d devices x 10 OIDs every 1 s: %.0f device polls/s "
                    + "into the topic, %.0f us CPU per device poll (this whole JVM: broker, workers, consumer), "
                    + "%d B per record value, poll start to consumer p50 %d ms p99 %d ms; %s", workers,
                    targets.size(), rate, count == 0 ? Double.NaN : cpu / 1000.0 / count, count == 0 ? 0 : valueBytes / count,
                    latencies.isEmpty() ? -1 : latencies.get(latencies.size() / 2),
                    latencies.isEmpty() ? -1 : latencies.get((int) (latencies.size() * 0.99)), split);
        } finally {
            connect.stop();
        }
    }
}
