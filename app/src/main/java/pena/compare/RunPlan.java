package pena.compare;

import pena.nn.NetworkSpec;

/**
 * One run of an experiment.
 *
 * @param name  file-name stem of its model and result, e.g. {@code gru-2x296-seed43}
 * @param spec  its network (cell, depth, width and weight seed)
 */
public record RunPlan(String name, NetworkSpec spec) {

    public static RunPlan of(NetworkSpec spec) {
        return new RunPlan(spec.cell().id() + "-" + spec.layers() + "x" + spec.hidden() + "-seed" + spec.seed(), spec);
    }

    /** The configuration the run belongs to in the report: cell and depth (seeds are averaged). */
    public String group() {
        return spec.cell().id() + " " + spec.layers() + "x" + spec.hidden();
    }
}
