/**
 * Kafka Connect source connectors over Varbind: {@link io.varbind.kafka.SnmpPollSourceConnector}
 * polls agents with a {@link io.varbind.Poller} per task. A thin shell over {@code io.varbind}:
 * configuration, target sharding and record conversion live here, SNMP does not.
 */
package io.varbind.kafka;
