package io.paysuite.it.recon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.ServiceProcess;
import io.paysuite.it.SuiteHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two channel-gateway instances whose daily reconciliation is due every two seconds: the kit's scheduled jobs
 * (Spring's {@code @Scheduled} + ShedLock's lock in the gateway's database) let exactly one of them run it, and
 * the other finds it locked at every tick while the lock is held ({@code lockAtLeastFor}, ten minutes here).
 * The instances stay out of the registry (they take no Dubbo calls), and the suite's own gateway has the job off.
 */
class ScheduledJobRunsOnceIT {

    private static final String RAN = "runs on this instance (it holds the cluster-wide lock)";
    private static final Pattern LOCKED = Pattern.compile("Not executing 'channel-reconciliation'");
    private static final Map<String, String> DUE_EVERY_TWO_SECONDS = Map.of(
            "paysuite.reconciliation.cron", "*/2 * * * * *",
            // held for ten minutes after a run (a minute in production): the instance started second, a minute or so
            // later on a busy machine, must still find the first one's run in the lock
            "paysuite.reconciliation.lock-at-least-for", "PT10M",
            "logging.level.net.javacrumbs.shedlock", "DEBUG",
            "dubbo.registry.register", "false");

    @Test
    void twoInstancesWithTheJobDueEveryTwoSecondsRunItOnceBetweenThem() {
        ServiceProcess first = SuiteHarness.suite().startExtraInstance(ServiceId.CHANNEL_GATEWAY, "channel-gateway-jobs-a",
                DUE_EVERY_TWO_SECONDS);
        ServiceProcess second = SuiteHarness.suite().startExtraInstance(ServiceId.CHANNEL_GATEWAY, "channel-gateway-jobs-b",
                DUE_EVERY_TWO_SECONDS);
        try {
            List<ServiceProcess> both = List.of(first, second);
            // both are up and ticking: the one that holds the lock ran the job, and the other was turned away at least
            // three ticks while both were running
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() ->
                    count(both, RAN) >= 1 && countLocked(second) + countLocked(first) >= 3
                            && countLocked(first) + count(List.of(first), RAN) >= 1
                            && countLocked(second) + count(List.of(second), RAN) >= 1);

            assertThat(count(both, RAN)).as("runs of the daily reconciliation across both instances").isEqualTo(1);
        } finally {
            first.stop(Duration.ofSeconds(20));
            second.stop(Duration.ofSeconds(20));
        }
    }

    private static long count(List<ServiceProcess> instances, String text) {
        return instances.stream().mapToLong(instance -> lines(instance).stream().filter(line -> line.contains(text)).count()).sum();
    }

    private static long countLocked(ServiceProcess instance) {
        return lines(instance).stream().filter(line -> LOCKED.matcher(line).find()).count();
    }

    private static List<String> lines(ServiceProcess instance) {
        Path log = instance.logFile();
        try {
            return log == null || !Files.exists(log) ? List.of() : Files.readAllLines(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
