/**
 * The MIB compiler: SMIv1/SMIv2 module text into a {@link io.varbind.mib.MibTree} of nodes and types,
 * name and OID lookups, table index encoding, and the compact compiled form of the built-in core.
 * Depends on nothing but the JDK: it knows nothing of the network or of the codec.
 */
package io.varbind.mib;
