/**
 * Each recurrent cell's arithmetic over one window, knowing nothing of DL4J's layer API: the
 * gate layout ({@link pena.layers.cells.LstmGate}, {@link pena.layers.cells.GruGate}, written
 * once for every path), the pass a forward keeps for its backward
 * ({@link pena.layers.cells.LstmPass}, {@link pena.layers.cells.GruPass}), the arrays a layer
 * keeps between windows ({@link pena.layers.cells.LstmArrays}, {@link pena.layers.cells.GruArrays}),
 * and two implementations of each cell: the float kernel ({@code LstmKernel}, {@code GruKernel})
 * and the ND4J reference ({@code LstmReference}, {@code GruReference}) it is tested against; the
 * plain RNN ({@code RnnKernel}, {@code RnnReference}, {@code RnnPass}, {@code RnnArrays}) has one
 * block and no gates.
 * A change to a cell's equations goes here (and to its one-token step in {@code pena.layers.step}).
 */
package pena.layers.cells;
