package io.paysuite.it.killed;

import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.SuiteHarness;

/** The kill and the restart of the suite's one instance of a service, for the ITs that stop a flow in its middle. */
public final class ServiceKills {

    private ServiceKills() {
    }

    /** {@code kill -9}: the service finishes nothing, answers nothing, deregisters nothing. */
    public static void kill(ServiceId id) {
        SuiteHarness.suite().kill(id);
    }

    /** Starts a killed service again (and waits until it is healthy); whatever failed, the next test needs it. */
    public static void running(ServiceId id) {
        Suite suite = SuiteHarness.suite();
        if (!suite.service(id).isAlive()) {
            suite.restart(id);
        }
    }
}
