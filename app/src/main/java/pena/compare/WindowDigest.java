package pena.compare;

import pena.data.Window;

import java.util.function.Consumer;
import java.util.zip.CRC32;

/** A running CRC-32 of the windows a run is fed (token ids and state resets, in order). */
final class WindowDigest implements Consumer<Window> {
    private final CRC32 crc = new CRC32();
    private long windows;

    @Override
    public void accept(Window window) {
        byte[] bytes = new byte[4];
        for (int b = 0; b < window.batch(); b++) {
            crc.update(window.resetState()[b] ? 1 : 0);
            for (int id : window.inputs()[b]) {
                bytes[0] = (byte) (id >>> 24);
                bytes[1] = (byte) (id >>> 16);
                bytes[2] = (byte) (id >>> 8);
                bytes[3] = (byte) id;
                crc.update(bytes);
            }
        }
        windows++;
    }

    long windows() {
        return windows;
    }

    String hex() {
        return String.format("%08x", crc.getValue());
    }
}
