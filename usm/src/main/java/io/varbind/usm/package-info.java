/**
 * RFC 3414's User-based Security Model: password-to-key and key localisation (MD5, SHA-1 and
 * RFC 7860's SHA-2), the privacy protocols (DES, 3DES-EDE, AES-128/192/256 with both key
 * extensions), HMAC authentication with constant-time checks, engine time windows, and the
 * processing of SNMPv3 messages over the codec. Depends on the codec only; no I/O.
 */
package io.varbind.usm;
