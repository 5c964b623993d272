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
        // the caller reconnects by itself once the new instance is registered; no restart of trade-core
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            RelayReply reply = tradeCore.relay("it");
            assertThat(reply.error()).isNull();
            assertThat(reply.next().service()).isEqualTo("pay-core");
            assertThat(reply.next().instance()).startsWith(payCore.pid() + "@");
        });
    }
}
