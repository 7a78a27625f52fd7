package pena.inspect;

/** A request the inspector cannot serve; the message says what to change. */
public final class InspectionException extends RuntimeException {
    public InspectionException(String message) {
        super(message);
    }
}
