package io.varbind.kafka;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Rendezvous (highest random weight) hashing of targets onto tasks: each target goes to the task
 * whose hash with it is highest. A target moves only when its own winner changes, so going from
 * n to n+1 tasks moves about 1/(n+1) of the targets (those the new task wins), and adding or
 * removing a target moves no other one.
 */
final class TargetAssignment {
    private TargetAssignment() {
    }

    /** The targets of each of {@code tasks} tasks, in their given order within a task. */
    static List<List<TargetSpec>> assign(List<TargetSpec> targets, int tasks) {
        List<List<TargetSpec>> out = new ArrayList<>(tasks);
        for (int i = 0; i < tasks; i++) {
            out.add(new ArrayList<>());
        }
        for (TargetSpec t : targets) {
            out.get(winner(t.address(), tasks)).add(t);
        }
        return out;
    }

    static int winner(String target, int tasks) {
        long h = fnv1a(target);
        int best = 0;
        long bestScore = Long.MIN_VALUE;
        for (int i = 0; i < tasks; i++) {
            long score = mix(h ^ mix(i + 0x9E3779B97F4A7C15L));
            if (score > bestScore) {
                bestScore = score;
                best = i;
            }
        }
        return best;
    }

    private static long fnv1a(String s) {
        long h = 0xcbf29ce484222325L;
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }

    /** SplitMix64's finaliser: spreads every input bit over the whole word. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
