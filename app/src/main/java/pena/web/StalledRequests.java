package pena.web;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Closes connections whose request is arriving too slowly. Jetty's idle time-out closes a
 * connection that sends nothing, but a client that trickles a byte a second is never idle; here
 * each connection's incoming byte count is watched between requests, and a request (line,
 * headers, body) that has been arriving for longer than the limit without reaching the page is
 * dropped. Jetty reads requests without holding a thread, so such clients cost a socket, not a
 * worker; this bounds how long they keep even that.
 */
final class StalledRequests implements Runnable {
    private final AbstractConnector connector;
    private final long limitNanos;
    private final Map<Connection, Watch> watches = new ConcurrentHashMap<>();

    /** What is known of one connection between sweeps. */
    private static final class Watch {
        volatile boolean handling;
        volatile long bytesAfterLastRequest;
        volatile long arrivingSince; // 0: no partial request seen
    }

    StalledRequests(AbstractConnector connector, double limitSeconds) {
        this.connector = connector;
        this.limitNanos = (long) (limitSeconds * 1e9);
    }

    /** The page has the whole request: it is being answered, not arriving. */
    void requestStarted(Connection connection) {
        watch(connection).handling = true;
    }

    /** The answer is complete: what comes in from now on belongs to the next request. */
    void requestEnded(Connection connection) {
        Watch w = watch(connection);
        w.bytesAfterLastRequest = connection.getBytesIn();
        w.arrivingSince = 0;
        w.handling = false;
    }

    /** One sweep over the open connections (run about once a second). */
    @Override
    public void run() {
        long now = System.nanoTime();
        Set<Connection> open = new HashSet<>();
        for (EndPoint endPoint : connector.getConnectedEndPoints()) {
            Connection connection = endPoint.getConnection();
            if (connection == null) {
                continue;
            }
            open.add(connection);
            Watch w = watch(connection);
            if (w.handling) {
                continue;
            }
            if (connection.getBytesIn() > w.bytesAfterLastRequest) {
                if (w.arrivingSince == 0) {
                    w.arrivingSince = now;
                } else if (now - w.arrivingSince > limitNanos) {
                    endPoint.close();
                }
            } else {
                w.arrivingSince = 0;
            }
        }
        watches.keySet().retainAll(open);
    }

    private Watch watch(Connection connection) {
        return watches.computeIfAbsent(connection, c -> new Watch());
    }
}
