/** RFC 3414's User-based Security Model: keys, digests, ciphers, engine discovery state. */
module io.varbind.usm {
    requires transitive io.varbind.codec;

    exports io.varbind.usm;
}
