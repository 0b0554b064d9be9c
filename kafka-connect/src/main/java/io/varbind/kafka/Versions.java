package io.varbind.kafka;

/** The version the connectors report to Connect: the jar's, or "dev" when run from classes. */
final class Versions {
    static final String VERSION = versionOf(Versions.class.getPackage().getImplementationVersion());

    private Versions() {
    }

    private static String versionOf(String v) {
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
