package pena.layers.kernels;

/** The Java arrays {@link WindowProducts#inputProduct(org.nd4j.linalg.api.ndarray.INDArray, int[], org.nd4j.linalg.api.ndarray.INDArray, org.nd4j.linalg.api.ndarray.INDArray, float[], ProductScratch)} keeps between windows. */
public final class ProductScratch {
    final ReusedFloats input = new ReusedFloats();
    final ReusedFloats weights = new ReusedFloats();
    final ReusedFloats transposed = new ReusedFloats();
    final ReusedFloats bias = new ReusedFloats();
}
