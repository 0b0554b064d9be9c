/**
 * The built-in command responder ({@code ./varbind agent}): a sorted OID store, walk-file and demo
 * data, request processing as plain classes testable without sockets, and a thin Netty layer for
 * UDP and TCP endpoints. Depends on the codec (and USM for v3), never on the picocli commands.
 */
package io.varbind.cli.agent;
