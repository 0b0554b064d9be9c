/**
 * Net-SNMP style text for names and values ({@code snmpget} lines, {@code sprint_value}, DISPLAY-HINTs)
 * and easysnmp's value strings and type names. Public: the CLI reuses it. Depends on codec and mib
 * only, never on sessions or the network.
 */
package io.varbind.format;
