package pena.layers.cells;

import pena.layers.kernels.OnesRow;
import pena.layers.kernels.ReusedArray;
import pena.layers.kernels.ReusedFloats;

/**
 * The arrays an LSTM layer keeps from one window to the next, by name. A layer holds one set for
 * training passes and one for inference passes, so an evaluation between a training window's
 * forward and backward does not overwrite the pass the backward needs.
 */
public final class LstmArrays {
    // forward
    final ReusedArray gates = new ReusedArray();
    final ReusedArray h = new ReusedArray();
    final pena.layers.kernels.ProductScratch input = new pena.layers.kernels.ProductScratch();
    final ReusedArray c = new ReusedArray();
    final ReusedArray tanhC = new ReusedArray();
    final ReusedFloats gateRows = new ReusedFloats();
    final ReusedFloats hRows = new ReusedFloats();
    final ReusedFloats cRows = new ReusedFloats();
    final ReusedFloats tanhCRows = new ReusedFloats();
    final ReusedFloats rwRows = new ReusedFloats();
    final ReusedFloats rwScratch = new ReusedFloats();
    // backward
    final ReusedArray dGates = new ReusedArray();
    final ReusedArray dx = new ReusedArray();
    final ReusedArray dhNext = new ReusedArray();
    final ReusedArray dcNext = new ReusedArray();
    final ReusedArray hToC = new ReusedArray();
    final ReusedArray gateSlopes = new ReusedArray();
    final OnesRow ones = new OnesRow();
    final ReusedFloats epsilonRows = new ReusedFloats();
    final ReusedFloats dGateStep = new ReusedFloats();
    final ReusedFloats dhNextRows = new ReusedFloats();
    final ReusedFloats dcNextRows = new ReusedFloats();
    final ReusedFloats rwTRows = new ReusedFloats();
}
