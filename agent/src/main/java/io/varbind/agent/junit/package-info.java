/**
 * A JUnit 5 extension that runs an {@link io.varbind.agent.SnmpAgent} on a free loopback port around
 * a test class or method. JUnit is an optional dependency of the agent module: nothing outside this
 * package refers to it.
 */
package io.varbind.agent.junit;
