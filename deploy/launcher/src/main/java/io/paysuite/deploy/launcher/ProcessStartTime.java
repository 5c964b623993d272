package io.paysuite.deploy.launcher;

import java.lang.management.ManagementFactory;

final class ProcessStartTime {

    private ProcessStartTime() {
    }

    static long millis() {
        return ManagementFactory.getRuntimeMXBean().getStartTime();
    }
}
