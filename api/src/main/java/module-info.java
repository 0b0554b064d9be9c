/**
 * The command generator: {@code Session}, {@code SnmpEngine} and {@code Easy} in
 * {@code io.varbind}; targets, requests and walks in {@code io.varbind.engine}; easysnmp's
 * formatting and session parameters in {@code io.varbind.format} and {@code io.varbind.session}.
 */
module io.varbind {
    requires transitive io.varbind.codec;
    requires transitive io.varbind.usm;
    requires transitive io.varbind.mib;
    requires transitive io.varbind.transport;
    requires io.netty.buffer;
    requires transitive org.slf4j;
    requires transitive java.management;

    exports io.varbind;
    exports io.varbind.engine;
    exports io.varbind.format;
    exports io.varbind.session;
}
