/**
 * Array routines the cells and the output layer are built from, knowing nothing of cells or of
 * DL4J's layer API: single-precision products through OpenBLAS ({@link pena.layers.kernels.Blas}),
 * layout changes between DL4J's [batch, size, T] and time-major rows
 * ({@link pena.layers.kernels.TimeMajor}), the batch cut over the cores
 * ({@link pena.layers.kernels.BatchSplit}), one-hot gathers and scatter-adds
 * ({@link pena.layers.kernels.OneHotRows}), a window's products
 * ({@link pena.layers.kernels.WindowProducts}), the output layer's softmax and cross-entropy
 * ({@link pena.layers.kernels.SoftmaxWindow}), float tanh and sigmoid, arrays kept between
 * windows, and {@link pena.layers.kernels.KernelChoice}, the one switch between the float
 * kernels and the ND4J reference. Each has its own test.
 */
package pena.layers.kernels;
