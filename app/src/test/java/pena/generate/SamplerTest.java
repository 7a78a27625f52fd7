package pena.generate;

import org.junit.jupiter.api.Test;
import pena.TestModels;
import pena.model.PenaModel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SamplerTest {
    private final PenaModel model = TestModels.untrained("Era uma vez, numa aldeia à beira-mar, uma menina.", 2, 16);

    @Test
    void sameSeedSameTextAndStreamingMatchesTheResult() {
        Sampler sampler = new Sampler(model);
        StringBuilder streamed = new StringBuilder();
        String a = sampler.generate("Era ", 300, new SamplingOptions(1, 0, 1, 5), streamed::append);
        String b = sampler.generate("Era ", 300, new SamplingOptions(1, 0, 1, 5), s -> { });
        String c = sampler.generate("Era ", 300, new SamplingOptions(1, 0, 1, 6), s -> { });
        assertEquals(a, b);
        assertEquals(a, streamed.toString());
        assertNotEquals(a, c);
        assertEquals(300, a.codePointCount(0, a.length()));
        assertFalse(a.contains("<unk>"), "<unk> must never be emitted");
    }

    @Test
    void aPrimeWithUnseenSymbolsIsRefusedListingThem() {
        SamplingException e = assertThrows(SamplingException.class,
                () -> new Sampler(model).generate("Zà #", 10, new SamplingOptions(1, 0, 1, 1), s -> { }));
        assertTrue(e.getMessage().contains("'Z'") && e.getMessage().contains("'#'"), e.getMessage());
        assertFalse(e.getMessage().contains("'à'"), e.getMessage());
    }
}
