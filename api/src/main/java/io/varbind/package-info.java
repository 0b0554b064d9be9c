/**
 * The public API: the easysnmp-style {@link io.varbind.Session}, {@link io.varbind.Easy}, the
 * shared {@link io.varbind.SnmpEngine} and the typed {@link io.varbind.SnmpException}s. Built on
 * the engine ({@code io.varbind.engine}); knows nothing of sockets beyond it.
 */
package io.varbind;
