/**
 * The listening side of RFC 3411's engine: the command responder (a sorted OID store, walk-file
 * and demo data, request processing as plain classes testable without sockets), the dispatcher
 * with community and authoritative USM processing, statistics, and a thin Netty layer for UDP and
 * TCP endpoints. Depends on {@code api}'s value model and the lower modules; nothing but the
 * command line ({@code cli}) depends on it.
 */
package io.varbind.agent;
