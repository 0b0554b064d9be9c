package io.varbind.session;

/**
 * A session's validated protocol settings, everything the engine needs to send for it: where
 * (target), how long (timeout per try, retries), and as whom (community for v1/v2c; USM user,
 * level, protocols, passwords and engine hints for v3). {@code engine} is the
 * {@code io.varbind.SnmpEngine} to use, or null for the shared default.
 */
public record SessionParameters(TargetAddress target, int version, String community, double timeoutSeconds,
        int retries, int localPort, int securityLevel, String securityUsername, String authProtocol,
        String authPassword, String privacyProtocol, String privacyPassword, String contextEngineId,
        String securityEngineId, String context, int engineBoots, int engineTime, Object engine) {

    @Override
    public String toString() {
        // never print the passwords
        return "SessionParameters[" + target + ", v" + version + ", user " + securityUsername + "]";
    }
}
