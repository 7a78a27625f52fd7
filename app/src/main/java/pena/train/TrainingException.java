package pena.train;

/** Training cannot start or go on; the message says why and what to do. */
public class TrainingException extends RuntimeException {
    public TrainingException(String message) {
        super(message);
    }
}
