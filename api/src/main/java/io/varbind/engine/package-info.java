/**
 * The engine's insides: targets, message processing (community-based here; USM and TSM plug in
 * through {@link io.varbind.engine.MessageProcessing}), request correlation, retries, in-flight
 * bounds, walks and the Netty channels. Knows nothing of MIB names or easysnmp's formatting.
 */
package io.varbind.engine;
