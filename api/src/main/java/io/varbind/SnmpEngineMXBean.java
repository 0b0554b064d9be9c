package io.varbind;

/**
 * The engine's counters as a JMX MXBean, registered for every engine as
 * {@code io.varbind:type=SnmpEngine,name=NAME} ({@link SnmpEngine.Builder#name}; the shared
 * engine is {@code shared}) and unregistered on close, for JMX exporters and Kafka Connect's
 * metrics. The same figures as {@link SnmpEngine#statistics()}.
 */
public interface SnmpEngineMXBean {
    /** Responses that matched no request in flight (late answers to retried requests, strays). */
    long getUnmatchedResponses();

    /** Responses from another address than their request went to. */
    long getWrongSourceResponses();

    /** Messages that did not parse, and socket read errors. */
    long getMalformedMessages();

    /** Responses refused by their message processing (community, version, PDU type, USM checks). */
    long getRefusedMessages();

    /** Requests that ended in a timeout after every retry. */
    long getTimeouts();

    /** Requests on the wire now. */
    int getInFlight();

    /** Requests waiting for an in-flight slot now. */
    int getQueued();
}
