/** Netty UDP, TCP, TLS and DTLS transports: bytes in and out, nothing of SNMP. */
module io.varbind.transport {
    requires transitive io.netty.transport;
    requires transitive io.netty.common;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.handler;
    requires io.netty.transport.classes.epoll;
    requires io.netty.transport.unix.common;
    requires org.bouncycastle.tls;
    requires org.bouncycastle.provider;

    exports io.varbind.transport;
}
