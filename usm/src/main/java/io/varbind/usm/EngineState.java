package io.varbind.usm;

/**
 * What a non-authoritative engine knows of one authoritative engine (RFC 3414 section 2.3): its
 * id, snmpEngineBoots, snmpEngineTime at the moment they were learnt, and the latest time
 * received, for the time-window check of section 3.2 step 7b. Thread-safe.
 */
public final class EngineState {
    /** RFC 3414 section 2.2.3: 150 seconds. */
    public static final int TIME_WINDOW = 150;
    private static final int MAX_BOOTS = Integer.MAX_VALUE;

    private final byte[] engineId;
    private int boots;
    private int time;
    private long learntAtNanos;
    private int latestReceivedTime;

    public EngineState(byte[] engineId, int boots, int time) {
        this.engineId = engineId.clone();
        this.boots = boots;
        this.time = time;
        this.latestReceivedTime = time;
        this.learntAtNanos = System.nanoTime();
    }

    public byte[] engineId() {
        return engineId.clone();
    }

    byte[] engineIdRaw() {
        return engineId;
    }

    public synchronized int boots() {
        return boots;
    }

    /** The authoritative engine's time now, by our clock since we learnt it. */
    public synchronized int time() {
        long elapsed = (System.nanoTime() - learntAtNanos) / 1_000_000_000L;
        return (int) Math.min(Integer.MAX_VALUE, time + elapsed);
    }

    /**
     * Takes boots and time unconditionally (resynchronisation): only from an authenticated report
     * (RFC 3414 section 3.2 step 7b), never from one anybody could have sent.
     */
    public synchronized void resync(int newBoots, int newTime) {
        boots = newBoots;
        time = newTime;
        latestReceivedTime = newTime;
        learntAtNanos = System.nanoTime();
    }

    /**
     * RFC 3414 section 3.2 step 7b for an authenticated message from the authoritative engine:
     * newer boots or time update our notion, then the message must lie in the time window.
     *
     * @return whether the message is in the time window
     */
    public synchronized boolean acceptAuthenticated(int msgBoots, int msgTime) {
        if (msgBoots > boots || (msgBoots == boots && msgTime > latestReceivedTime)) {
            boots = msgBoots;
            time = msgTime;
            latestReceivedTime = msgTime;
            learntAtNanos = System.nanoTime();
        }
        if (boots == MAX_BOOTS || msgBoots < boots) {
            return false;
        }
        return !(msgBoots == boots && msgTime < time() - TIME_WINDOW);
    }
}
