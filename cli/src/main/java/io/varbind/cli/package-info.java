/**
 * The {@code ./varbind} command line: picocli commands that parse Net-SNMP's options and call the
 * public API ({@code io.varbind.Session}, {@code SnmpEngine}, {@code io.varbind.mib.MibTree}).
 * Nothing here encodes SNMP itself: the built-in agent is module {@code agent} ({@code io.varbind.agent}).
 */
package io.varbind.cli;
