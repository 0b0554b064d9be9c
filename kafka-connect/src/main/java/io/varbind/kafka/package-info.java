/**
 * Kafka Connect source connectors over Varbind: {@link io.varbind.kafka.SnmpPollSourceConnector}
 * polls agents with a {@link io.varbind.Poller} per task; {@link io.varbind.kafka.SnmpTrapSourceConnector}
 * receives notifications with the agent module's {@code NotificationReceiver}. A thin shell over
 * {@code io.varbind}: configuration, target sharding and record conversion live here, SNMP does not.
 */
package io.varbind.kafka;
