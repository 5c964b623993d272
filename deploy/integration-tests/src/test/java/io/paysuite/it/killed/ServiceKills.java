package io.paysuite.it.killed;

import static org.awaitility.Awaitility.await;

import io.paysuite.api.system.ServiceProbe;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.SuiteHarness;
import java.time.Duration;

/** The kill and the restart of the suite's one instance of a service, for the ITs that stop a flow in its middle. */
public final class ServiceKills {

    /** The restarted instance answering this test JVM's own Dubbo connection (the kit's reconnect tick is 5 s). */
    private static final Duration REACHABLE = Duration.ofSeconds(60);
    /**
     * Every other service's connection to the restarted one reconnects on its own tick ({@code kit.dubbo.ReconnectPace}:
     * 5 s), and its references take the provider back on their next connectivity check (1 s): after this long from
     * the restart being healthy, all of them have. The tests cannot see the services' connections, so they wait out
     * that bound — in the full CI run a test that went on once its own connection answered met pay-core and
     * cashier-service still without trade-core ("No provider available").
     */
    private static final Duration CALLERS_RECONNECTED = Duration.ofSeconds(8);

    private ServiceKills() {
    }

    /** {@code kill -9}: the service finishes nothing, answers nothing, deregisters nothing. */
    public static void kill(ServiceId id) {
        SuiteHarness.suite().kill(id);
    }

    /**
     * Starts a killed service again (and waits until it is healthy), then until this JVM's Dubbo client and the other
     * services' have reconnected to it: healthy is the service's own view, and the next call of the test — or of the
     * next test class — goes through connections the kill broke. Whatever failed, the next test needs it.
     */
    public static void running(ServiceId id) {
        Suite suite = SuiteHarness.suite();
        if (!suite.service(id).isAlive()) {
            suite.restart(id);
        }
        ServiceProbe probe = SuiteHarness.reference(ServiceProbe.class, id.module());
        await(id.module() + " reachable again from the tests and its callers").pollDelay(CALLERS_RECONNECTED)
                .atMost(REACHABLE).pollInterval(Duration.ofMillis(250)).ignoreExceptions().until(() -> probe.ping("it") != null);
    }
}
