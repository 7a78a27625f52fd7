package pena.generate;

/** A sampling request the model cannot honour (a bad option, a prime with unknown symbols). */
public class SamplingException extends RuntimeException {
    public SamplingException(String message) {
        super(message);
    }
}
