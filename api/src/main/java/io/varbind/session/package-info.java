/**
 * Internals of {@link io.varbind.Session}: target parsing, request building, result naming,
 * set-value conversion and the column-wise table reader. Not public API; depends on codec, mib and the engine, never on the CLI.
 */
package io.varbind.session;
