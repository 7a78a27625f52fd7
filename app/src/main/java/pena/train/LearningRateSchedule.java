package pena.train;

/**
 * The learning rate along a run, as nanoGPT schedules it: a linear warm-up from a small rate to
 * the peak over the first {@value #WARMUP} of the run, then a cosine decay to a tenth of the peak
 * at its end. "The run" is the budget: the share of {@code --minutes} trained, or of the windows
 * of {@code --epochs}. {@link Kind#CONSTANT} is the peak throughout (Pena's behaviour before
 * schedules).
 *
 * <pre>
 *   rate
 *   peak ┤   ╭──╮_
 *        │  ╱      ‾‾─._
 *        │ ╱             ‾‾──.__
 *  peak/10┤╱                      ‾‾── (end of the budget)
 *        └┬──────────────────────────┬─ share of the budget
 *         0    2 %                   1
 * </pre>
 *
 * The rate is a function of the share alone, and the share comes from what the checkpoint
 * keeps (seconds trained, epoch, window): a resumed run continues the schedule where it stood.
 */
public record LearningRateSchedule(Kind kind, double peak) {
    /** Share of the budget spent warming up. */
    static final double WARMUP = 0.02;
    /** The rate at the end, as a share of the peak. */
    static final double FINAL = 0.1;

    public enum Kind {
        CONSTANT("constant"), COSINE("cosine");

        private final String id;

        Kind(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Kind parse(String id) {
            for (Kind kind : values()) {
                if (kind.id.equals(id)) {
                    return kind;
                }
            }
            throw new IllegalArgumentException("--lr-schedule must be cosine or constant, got '" + id + "'");
        }
    }

    /** @param share of the budget spent, in [0, 1] (clamped) */
    public double at(double share) {
        if (kind == Kind.CONSTANT) {
            return peak;
        }
        double s = Math.max(0, Math.min(1, share));
        if (s < WARMUP) {
            return peak * (FINAL + (1 - FINAL) * s / WARMUP);
        }
        double decay = (s - WARMUP) / (1 - WARMUP);
        return peak * (FINAL + (1 - FINAL) * 0.5 * (1 + Math.cos(Math.PI * decay)));
    }
}
