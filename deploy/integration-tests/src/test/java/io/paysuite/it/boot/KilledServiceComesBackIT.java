package io.paysuite.it.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.system.RelayReply;
import io.paysuite.api.system.ServiceProbe;
import io.paysuite.deploy.launcher.ServiceId;
import io.paysuite.deploy.launcher.ServiceProcess;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.SuiteHarness;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class KilledServiceComesBackIT {

    private final Suite suite = SuiteHarness.suite();

    @Test
    void aServiceKilledWithSigkillIsCalledAgainAfterRestartWithoutRestartingItsCallers() {
        // trade-core calls pay-core in the probe ring; kill pay-core the way a crash would
        ServiceProbe tradeCore = SuiteHarness.reference(ServiceProbe.class, ServiceId.TRADE_CORE.module());
        ServiceProcess payCore = suite.service(ServiceId.PAY_CORE);
        long pidBefore = payCore.pid();
        assertThat(tradeCore.relay("it").next()).isNotNull();

        suite.kill(ServiceId.PAY_CORE);
        assertThat(payCore.isAlive()).isFalse();
        RelayReply whileDown = tradeCore.relay("it");
        assertThat(whileDown.next()).isNull();
        assertThat(whileDown.error()).isNotBlank();

        suite.restart(ServiceId.PAY_CORE);

        assertThat(payCore.pid()).isNotEqualTo(pidBefore);
        // the caller reconnects by itself, no restart of trade-core, and soon: the same address comes back, so
        // its old connection must reconnect, and the kit's reconnect tick is 5 s (Dubbo's own is 60 s)
        long healthy = System.nanoTime();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            RelayReply reply = tradeCore.relay("it");
            assertThat(reply.error()).isNull();
            assertThat(reply.next().service()).isEqualTo("pay-core");
            assertThat(reply.next().instance()).startsWith(payCore.pid() + "@");
        });
        System.out.printf("KilledServiceComesBackIT: trade-core reached the restarted pay-core %d ms after it was healthy%n",
                (System.nanoTime() - healthy) / 1_000_000);
    }
}
