/** BER and the SNMP messages of v1, v2c and v3; no dependencies. */
module io.varbind.codec {
    exports io.varbind.codec;
}
