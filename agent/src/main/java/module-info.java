/** The listening side: command responder, dispatcher, USM as the authoritative engine. */
module io.varbind.agent {
    requires transitive io.varbind;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.handler;

    exports io.varbind.agent;
}
