package pena.layers;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Runs a test class with ND4J's default data type set to double (finite differences need it;
 * GradientCheckUtil refuses anything else), and restores the previous default afterwards.
 */
public final class DoublePrecision implements BeforeAllCallback, AfterAllCallback {
    private DataType previous;

    @Override
    public void beforeAll(ExtensionContext context) {
        previous = Nd4j.dataType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Nd4j.setDefaultDataTypes(previous, previous);
    }
}
