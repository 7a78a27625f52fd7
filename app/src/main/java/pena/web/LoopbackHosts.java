package pena.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * DNS rebinding guard: a page served on a loopback address answers only requests whose
 * {@code Host} names a loopback address, so a web site whose name was re-pointed at 127.0.0.1
 * cannot read it from a student's browser.
 */
final class LoopbackHosts {
    private static final Pattern IPV4_LOOPBACK = Pattern.compile("127(\\.(25[0-5]|2[0-4]\\d|1?\\d?\\d)){3}");

    private LoopbackHosts() {
    }

    /** True when the server bound to {@code host} listens on loopback only. */
    static boolean isLoopbackBinding(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** The name in a Host header, without its port: {@code [::1]:8080} gives {@code [::1]}. */
    static String hostOf(String hostHeader) {
        if (hostHeader == null) {
            return null;
        }
        String h = hostHeader.trim();
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            return end < 0 ? h : h.substring(0, end + 1);
        }
        int colon = h.indexOf(':');
        return colon < 0 ? h : h.substring(0, colon);
    }

    /** A Host name (without port) that a loopback page may answer: localhost, 127.x.x.x or ::1. */
    static boolean isLoopbackName(String host) {
        if (host == null || host.isEmpty()) {
            return true; // HTTP/1.0 without Host: the client connected to the loopback address itself
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.equals("localhost") || h.endsWith(".localhost") || h.equals("::1")
                || h.equals("0:0:0:0:0:0:0:1") || IPV4_LOOPBACK.matcher(h).matches();
    }
}
