package pena.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 by hand over a socket, for what java.net.http will not send (a Host of our choice, broken escapes). */
final class RawHttp {
    private RawHttp() {
    }

    /** The whole answer (status line, headers, body) to one request sent as {@code request} (CRLFs added). */
    static String exchange(int port, String... lines) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            String request = String.join("\r\n", lines) + "\r\nConnection: close\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            return readAll(socket.getInputStream());
        }
    }

    static String readAll(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            in.transferTo(out);
        } catch (SocketTimeoutException e) {
            // what arrived so far
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static int status(String answer) {
        return Integer.parseInt(answer.substring(9, 12));
    }

    static String body(String answer) {
        int at = answer.indexOf("\r\n\r\n");
        return at < 0 ? "" : answer.substring(at + 4);
    }

    /** A header's value, or null (names compared ignoring case). */
    static String header(String answer, String name) {
        int end = answer.indexOf("\r\n\r\n");
        for (String line : answer.substring(0, end < 0 ? answer.length() : end).split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return line.substring(colon + 1).trim();
            }
        }
        return null;
    }
}
