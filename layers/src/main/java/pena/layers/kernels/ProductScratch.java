package pena.layers.kernels;

/** The Java arrays {@link WindowProducts#inputProduct} keeps between windows. */
public final class ProductScratch {
    final ReusedFloats input = new ReusedFloats();
    final ReusedFloats weights = new ReusedFloats();
    final ReusedFloats transposed = new ReusedFloats();
    final ReusedFloats bias = new ReusedFloats();
}
