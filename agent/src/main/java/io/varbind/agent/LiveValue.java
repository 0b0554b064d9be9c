package io.varbind.agent;

import io.varbind.codec.Variable;

/** A value computed at read time (an uptime, a counter that moves); read-only to SET requests. */
@FunctionalInterface
public interface LiveValue {

    /** The value now; {@code nanoTime} is {@link System#nanoTime()} at the time of the request. */
    Variable read(long nanoTime);
}
