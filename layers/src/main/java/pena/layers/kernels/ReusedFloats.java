package pena.layers.kernels;

/**
 * One Java float array kept from one window to the next, grown when a window needs more. Contents
 * are not cleared. A layer holds one of these per array it needs, as a named field.
 */
public final class ReusedFloats {
    private float[] array = new float[0];

    /** An array of at least {@code size} floats. */
    public float[] get(int size) {
        if (array.length < size) {
            array = new float[size];
        }
        return array;
    }
}
