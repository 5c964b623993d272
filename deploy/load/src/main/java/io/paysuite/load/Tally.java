package io.paysuite.load;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * The answers of one step: latencies in a histogram (HdrHistogram's {@link Recorder}, safe for many writers,
 * three significant digits up to a minute) and the count of every answer that was not a success, by its code.
 */
public final class Tally {

    /** What an operation answered when it succeeded. */
    public static final String OK = "OK";

    private final Recorder recorder = new Recorder(TimeUnit.MINUTES.toNanos(1), 3);
    private final Map<String, Long> codes = new TreeMap<>();
    private long ok;

    public void record(String code, long latencyNanos) {
        recorder.recordValue(Math.min(Math.max(latencyNanos, 1), TimeUnit.MINUTES.toNanos(1)));
        synchronized (codes) {
            if (OK.equals(code)) {
                ok++;
            } else {
                codes.merge(code, 1L, Long::sum);
            }
        }
    }

    /** The latencies recorded so far (the recorder starts over). */
    public Histogram histogram() {
        return recorder.getIntervalHistogram();
    }

    public long ok() {
        synchronized (codes) {
            return ok;
        }
    }

    public Map<String, Long> errors() {
        synchronized (codes) {
            return new TreeMap<>(codes);
        }
    }
}
