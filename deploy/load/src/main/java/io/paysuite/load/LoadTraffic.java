package io.paysuite.load;

import io.paysuite.kit.shadow.ShadowContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * {@code bin/bench --shadow}: the run is load traffic on the shadow side of a running suite. Every open-API
 * request carries {@value ShadowContext#HEADER}: 1, every Dubbo call the tool makes itself (the balance path's
 * payment) the kit's attachment, and the demo merchant and buyers are the shadow side's ({@code shadow/} in the
 * run directory, written by the local run's seed). Nothing of the run lands in a real table, no real merchant
 * is notified, and channel calls go to the sandbox only.
 */
final class LoadTraffic {

    private static volatile boolean shadow;

    private LoadTraffic() {
    }

    /** Takes {@code --shadow} (or {@code --shadow=true|false}) out of the command line and remembers it. */
    static String[] strip(String[] argv) {
        for (String arg : argv) {
            if (arg.equals("--shadow") || arg.startsWith("--shadow=")) {
                shadow = arg.equals("--shadow") || Boolean.parseBoolean(arg.substring("--shadow=".length()));
            }
        }
        return Arrays.stream(argv).filter(arg -> !arg.equals("--shadow") && !arg.startsWith("--shadow=")).toArray(String[]::new);
    }

    static boolean shadow() {
        return shadow;
    }

    /** The shadow side's demo files under the run directory, or the run directory itself for real traffic. */
    static Path runDir(Path runDir) {
        if (!shadow) {
            return runDir;
        }
        Path shadowDir = runDir.resolve("shadow");
        if (!Files.isDirectory(shadowDir)) {
            throw new IllegalStateException(shadowDir + " is missing: the local run seeds the shadow side at start");
        }
        return shadowDir;
    }

    /** The mark for the tool's own Dubbo calls, until the scope closes. */
    static ShadowContext.Scope mark() {
        return ShadowContext.enter(shadow);
    }
}
