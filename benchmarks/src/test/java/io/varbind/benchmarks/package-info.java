/**
 * JMH benchmarks of Varbind beside SNMP4J in the same run. Test sources so that SNMP4J stays a
 * test-scope dependency; packed into {@code target/benchmarks.jar} by the assembly of the pom.
 */
package io.varbind.benchmarks;
