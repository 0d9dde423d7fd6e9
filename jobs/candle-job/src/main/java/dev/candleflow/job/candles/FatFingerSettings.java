package dev.candleflow.job.candles;

import java.io.Serializable;

/**
 * The fat-finger rule: a print more than {@code bandBps} from the median of its venue's last {@code
 * window} accepted prices (once {@code minSamples} are known) is flagged.
 *
 * @param keepInVenueCandle keep flagged prints in the venue's own candle (never in the consolidated
 *     one)
 */
public record FatFingerSettings(
        double bandBps, int window, int minSamples, boolean keepInVenueCandle)
        implements Serializable {
    public FatFingerSettings {
        if (bandBps <= 0 || window < 1 || minSamples < 1 || minSamples > window) {
            throw new IllegalArgumentException(
                    "outliers.fat-finger: need band > 0 and 1 <= min-samples <= window");
        }
    }
}
