package io.varbind;

import io.varbind.engine.MessageProcessing;

/** Where a v3 session gets its message processing (USM); filled in by the usm integration. */
final class V3Support {
    private V3Support() {
    }

    static MessageProcessing processing(Session.Validated config) {
        throw new SnmpConnectionException("SNMPv3 (USM) is not available in this build yet");
    }
}
