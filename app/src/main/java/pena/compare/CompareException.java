package pena.compare;

/** A problem with an experiment that the user can fix; its message says how. */
public final class CompareException extends RuntimeException {
    public CompareException(String message) {
        super(message);
    }
}
