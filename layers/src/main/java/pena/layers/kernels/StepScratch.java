package pena.layers.kernels;

import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.memory.conf.WorkspaceConfiguration;
import org.nd4j.linalg.api.memory.enums.AllocationPolicy;
import org.nd4j.linalg.api.memory.enums.LearningPolicy;
import org.nd4j.linalg.api.memory.enums.ResetPolicy;
import org.nd4j.linalg.api.memory.enums.SpillPolicy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Scratch memory for one time step of the reference path: ND4J's allocation of a fresh off-heap
 * buffer costs more than the arithmetic on it (a third of training time in a profile), so the
 * temporaries of a step come from a workspace that is rewound after each step.
 */
public final class StepScratch {
    private static final WorkspaceConfiguration WORKSPACE = WorkspaceConfiguration.builder()
            .initialSize(0).overallocationLimit(0.2)
            .policyAllocation(AllocationPolicy.OVERALLOCATE).policyLearning(LearningPolicy.FIRST_LOOP)
            .policyReset(ResetPolicy.BLOCK_LEFT).policySpill(SpillPolicy.REALLOCATE).build();
    private static final String ID = "PENA_RNN_STEP";

    private StepScratch() {
    }

    /** Opens the scratch memory of one time step; close it when the step is done. */
    public static MemoryWorkspace open() {
        return Nd4j.getWorkspaceManager().getAndActivateWorkspace(WORKSPACE, ID);
    }
}
