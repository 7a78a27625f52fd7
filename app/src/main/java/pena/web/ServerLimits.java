package pena.web;

/**
 * How much the classroom server lets its clients hold, so that slow, idle or stalled browsers
 * on a classroom network never stop it answering the others.
 *
 * @param timeLimitSeconds     longest a request may take from its arrival: time spent queued for
 *                             a generation slot counts, and a generation past it is cut off
 * @param idleSeconds          an open connection with no bytes coming in is closed after this long
 *                             (idle keep-alive connections included)
 * @param requestSeconds       a request's line, headers and body must have arrived this long after
 *                             their first byte, however slowly they trickle in
 * @param maxConnections       open connections at most; past it new ones wait to be accepted
 * @param generationSlots      generations and inspections that run at once (the cores' work)
 * @param maxQueued            requests waiting for a slot at most; past it the answer is 503 at once
 */
public record ServerLimits(double timeLimitSeconds, double idleSeconds, double requestSeconds, int maxConnections,
                           int generationSlots, int maxQueued) {

    public ServerLimits {
        if (!(timeLimitSeconds > 0) || !(idleSeconds > 0) || !(requestSeconds > 0) || maxConnections < 1
                || generationSlots < 1 || maxQueued < 0) {
            throw new WebException("server limits must be positive");
        }
    }

    /** The defaults for a 2-core laptop in front of a class: {@code timeLimitSeconds} per request. */
    public static ServerLimits defaults(double timeLimitSeconds) {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ServerLimits(timeLimitSeconds, 5, 10, 512, Math.max(2, cores), 64);
    }

    public ServerLimits withConnections(int connections) {
        return new ServerLimits(timeLimitSeconds, idleSeconds, requestSeconds, connections, generationSlots, maxQueued);
    }

    public ServerLimits withTimeouts(double idle, double request) {
        return new ServerLimits(timeLimitSeconds, idle, request, maxConnections, generationSlots, maxQueued);
    }

    long timeLimitNanos() {
        return (long) (timeLimitSeconds * 1e9);
    }
}
