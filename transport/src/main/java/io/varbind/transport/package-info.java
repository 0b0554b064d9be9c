/**
 * Moves bytes: Netty UDP (batched receive on epoll), TCP with RFC 3430 framing, TLS and DTLS
 * (Bouncy Castle), behind {@link io.varbind.transport.Endpoint}. Knows nothing of SNMP messages.
 */
package io.varbind.transport;
