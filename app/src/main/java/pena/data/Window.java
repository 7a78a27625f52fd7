package pena.data;

/**
 * One training step's worth of tokens: for each stream b and step t, the input token
 * {@code inputs[b][t]} and the token to predict {@code targets[b][t]}; {@link #PADDING} marks
 * positions that carry no token (a document's tail padded to a whole window).
 *
 * @param index      which window of the streams this is (0 at the start of an epoch)
 * @param resetState per stream: start this window from a zero state (a new document or epoch)
 * @param tokens     how many real (non-padding) targets the window holds
 */
public record Window(int index, int[][] inputs, int[][] targets, boolean[] resetState, int tokens) {
    public static final int PADDING = -1;

    public int batch() {
        return inputs.length;
    }

    public int length() {
        return inputs[0].length;
    }
}
