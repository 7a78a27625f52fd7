package pena.train;

import pena.model.HistoryPoint;
import pena.model.PenaModel;

/**
 * What a run tells a watcher besides its printed log (the classroom page's live training tab):
 * typed events, each called on the training thread. Every method does nothing by default.
 */
public interface TrainingListener {
    /** The data is read and the network built (its initial or resumed weights): what is about to be trained. */
    default void started(PenaModel model, String corpusName, long trainingTokens) {
    }

    /**
     * Called before every window, outside the timed part of the run: a watcher may hold the run
     * here (the page lets its requests go first) without the pause counting as training time.
     */
    default void beforeWindow() throws InterruptedException {
    }

    /** After every window fitted. */
    default void progressed(TrainingProgress progress) {
    }

    /**
     * An evaluation point: its scores, whether it is the best so far (and so saved as the best
     * model), and the sample the model writes now (empty when the validation gives none).
     */
    default void evaluated(HistoryPoint point, boolean best, String sample) {
    }
}
