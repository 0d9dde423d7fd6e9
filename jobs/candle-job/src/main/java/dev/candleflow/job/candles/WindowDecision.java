package dev.candleflow.job.candles;

/**
 * Which venues fed a consolidated window when it was decided; a late revision of the window reuses
 * the decision. A Flink POJO.
 */
public class WindowDecision {
    public String included = "";
    public String excluded = "";
    public int revision;

    public WindowDecision() {}

    WindowDecision(String included, String excluded, int revision) {
        this.included = included;
        this.excluded = excluded;
        this.revision = revision;
    }
}
