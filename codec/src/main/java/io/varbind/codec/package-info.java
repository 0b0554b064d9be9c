/**
 * SNMP's subset of ASN.1 BER (X.690) and the SNMP message model: v1/v2c community messages,
 * v3 messages with USM security parameters, PDUs and varbinds. No dependencies, no I/O, no
 * security processing (that is {@code io.varbind.usm}); decoding never trusts a length field.
 */
package io.varbind.codec;
