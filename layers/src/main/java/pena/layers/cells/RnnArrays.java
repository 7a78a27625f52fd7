package pena.layers.cells;

import pena.layers.kernels.OnesRow;
import pena.layers.kernels.ReusedArray;
import pena.layers.kernels.ReusedFloats;

/**
 * The arrays a plain RNN layer keeps from one window to the next, by name (one set for training
 * passes, one for inference passes, as {@link GruArrays}).
 */
public final class RnnArrays {
    // forward
    final ReusedArray activations = new ReusedArray();
    final ReusedArray h = new ReusedArray();
    final pena.layers.kernels.ProductScratch input = new pena.layers.kernels.ProductScratch();
    final ReusedFloats activationRows = new ReusedFloats();
    final ReusedFloats hRows = new ReusedFloats();
    final ReusedFloats rwRows = new ReusedFloats();
    final ReusedFloats rwScratch = new ReusedFloats();
    // backward
    final ReusedArray dPre = new ReusedArray();
    final ReusedArray dx = new ReusedArray();
    final ReusedArray dNext = new ReusedArray();
    final OnesRow ones = new OnesRow();
    final ReusedFloats epsilonRows = new ReusedFloats();
    final ReusedFloats dPreStep = new ReusedFloats();
    final ReusedFloats dNextRows = new ReusedFloats();
    final ReusedFloats rwTRows = new ReusedFloats();
}
