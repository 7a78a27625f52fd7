package pena.data;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TokenStreamsTest {

    private static int[] range(int from, int to) {
        return IntStream.range(from, to).toArray();
    }

    @Test
    void windowsHaveTheRightShapesAndTargetsAreTheNextTokens() {
        TokenStreams streams = new TokenStreams(List.of(range(0, 401)), 4, 10);
        assertEquals(4, streams.batch());
        assertEquals(10, streams.windowsPerStream());
        Window w = streams.window(3);
        assertEquals(4, w.batch());
        assertEquals(10, w.length());
        for (int b = 0; b < 4; b++) {
            for (int t = 0; t < 10; t++) {
                assertEquals(w.inputs()[b][t] + 1, w.targets()[b][t]);
            }
        }
    }

    @Test
    void windowKPlusOneOfAStreamStartsWhereWindowKEnded() {
        TokenStreams streams = new TokenStreams(List.of(range(0, 1001)), 5, 16);
        for (int k = 0; k + 1 < streams.windowsPerStream(); k++) {
            Window now = streams.window(k);
            Window next = streams.window(k + 1);
            for (int b = 0; b < streams.batch(); b++) {
                assertEquals(now.targets()[b][15], next.inputs()[b][0], "stream " + b + " window " + k);
                assertFalse(next.resetState()[b], "state must carry inside a document");
            }
        }
        Window first = streams.window(0);
        for (boolean reset : first.resetState()) {
            assertTrue(reset, "an epoch starts from a zero state");
        }
    }

    @Test
    void everyDocumentStartsAWindowWithAResetAndItsTailIsPadded() {
        // document A: 25 tokens -> 24 pairs -> 3 windows of 8 (no padding); B: 11 tokens -> 10 pairs -> 2 windows
        TokenStreams streams = new TokenStreams(List.of(range(0, 25), range(100, 111)), 1, 8);
        assertEquals(5, streams.windowsPerStream());
        Window startOfB = streams.window(3);
        assertTrue(startOfB.resetState()[0]);
        assertEquals(100, startOfB.inputs()[0][0]);
        Window tailOfB = streams.window(4);
        assertFalse(tailOfB.resetState()[0]);
        assertArrayEquals(new int[]{108, 109, -1, -1, -1, -1, -1, -1}, tailOfB.inputs()[0]);
        assertArrayEquals(new int[]{109, 110, -1, -1, -1, -1, -1, -1}, tailOfB.targets()[0]);
        assertEquals(2, tailOfB.tokens());
        assertEquals(24 + 10, streams.tokensPerEpoch());
    }

    @Test
    void evaluationLayoutVisitsEveryToken() {
        TokenStreams dropping = new TokenStreams(List.of(range(0, 71)), 3, 10);
        TokenStreams keeping = new TokenStreams(List.of(range(0, 71)), 3, 10, false);
        assertEquals(60, dropping.tokensPerEpoch());
        assertEquals(70, keeping.tokensPerEpoch());
    }

    @Test
    void aTextShorterThanOneWindowIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TokenStreams(List.of(range(0, 30)), 4, 64));
        assertTrue(e.getMessage().contains("fewer than one window"), e.getMessage());
    }

    @Test
    void aShortTextLowersTheBatch() {
        assertEquals(3, new TokenStreams(List.of(range(0, 31)), 32, 10).batch());
    }
}
