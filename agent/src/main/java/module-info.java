/** The listening side: command responder, dispatcher, USM as the authoritative engine. */
module io.varbind.agent {
    requires transitive io.varbind;
    requires io.netty.buffer;
    requires io.netty.codec;
    requires io.netty.handler;
    requires org.slf4j;
    requires java.management;
    requires java.naming;
    // the JUnit 5 extension: JUnit is an optional dependency, present only for users who use it
    requires static org.junit.jupiter.api;

    exports io.varbind.agent;
    exports io.varbind.agent.junit;
}
