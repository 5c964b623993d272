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

    private ServiceKills() {
    }

    /** {@code kill -9}: the service finishes nothing, answers nothing, deregisters nothing. */
    public static void kill(ServiceId id) {
        SuiteHarness.suite().kill(id);
    }

    /**
     * Starts a killed service again (and waits until it is healthy), then until this JVM's Dubbo client has
     * reconnected to it: healthy is the service's own view, and the next call of the test — or of the next test
     * class — goes through the connection the kill broke. Whatever failed, the next test needs it.
     */
    public static void running(ServiceId id) {
        Suite suite = SuiteHarness.suite();
        if (!suite.service(id).isAlive()) {
            suite.restart(id);
        }
        ServiceProbe probe = SuiteHarness.reference(ServiceProbe.class, id.module());
        await(id.module() + " reachable again from the tests").atMost(REACHABLE).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions().until(() -> probe.ping("it") != null);
    }
}
