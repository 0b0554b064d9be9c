package io.varbind.mib;

/** The longest node matching a numeric OID, and the position where the instance suffix starts. */
public record Match(MibNode node, int indexStart) { }
