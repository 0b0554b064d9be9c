/**
 * The public face of Varbind: the easysnmp-style {@link io.varbind.Session}, the shared
 * {@link io.varbind.SnmpEngine}, {@link io.varbind.Easy}, and the {@link io.varbind.Poller} for
 * many targets on a schedule. Built on the {@code engine}, {@code session} and {@code format}
 * packages below it; nothing here depends on the listening side ({@code agent}) or on Kafka.
 */
package io.varbind;
