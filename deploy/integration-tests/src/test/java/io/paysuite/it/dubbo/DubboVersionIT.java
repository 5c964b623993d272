package io.paysuite.it.dubbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeService;
import io.paysuite.it.SuiteHarness;
import java.time.Duration;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.apache.dubbo.rpc.RpcException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The consumers' guide's version convention, on the running suite: every service is exported under
 * {@link ApiVersion#DUBBO} and answers a consumer that asks for it through the registry, and a
 * consumer that leaves the version out finds no provider at all (so a forgotten version fails loudly
 * on the first call, not by reaching an incompatible provider).
 */
class DubboVersionIT {

    private static DubboBootstrap outsider;

    @BeforeAll
    static void aConsumerOfItsOwn() {
        ApplicationConfig application = new ApplicationConfig("version-it");
        application.setQosEnable(false);
        outsider = DubboBootstrap.newInstance().application(application)
                .registry(new RegistryConfig(SuiteHarness.suite().infra().registryAddress())).start();
    }

    @AfterAll
    static void stop() {
        outsider.destroy();
    }

    @Test
    void everyServiceAnswersAConsumerAskingForTheApiVersion() {
        assertThat(SuiteHarness.reference(TradeService.class, null).get(TradeByNoQry.internal("T-NO-SUCH-TRADE")).code())
                .isEqualTo("TRADE_NOT_FOUND");
        assertThat(SuiteHarness.reference(PayService.class, null).get("P-NO-SUCH-ORDER").code()).isEqualTo("PAY_ORDER_NOT_FOUND");
        assertThat(SuiteHarness.reference(ChannelService.class, null).get("P-NO-SUCH-ORDER").code()).isEqualTo("PAY_ORDER_NOT_FOUND");
        assertThat(SuiteHarness.reference(LedgerService.class, null).entryByKey("NO-SUCH-KEY").code()).isEqualTo("POSTING_NOT_FOUND");
        assertThat(SuiteHarness.reference(MemberService.class, null).getBuyer("U-NO-SUCH-BUYER").code()).isEqualTo("BUYER_NOT_FOUND");
        assertThat(SuiteHarness.reference(MerchantService.class, null).getMerchant("M-NO-SUCH").code()).isEqualTo("MERCHANT_NOT_FOUND");
    }

    @Test
    void aConsumerWithoutTheVersionFindsNoProvider() {
        TradeService versioned = reference(ApiVersion.DUBBO);
        TradeService versionless = reference(null);
        // the same consumer, the same registry: once it sees trade-core under the version ...
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> "TRADE_NOT_FOUND".equals(versioned.get(TradeByNoQry.internal("T-NO-SUCH-TRADE")).code()));

        // ... it still has nothing to call without it
        assertThatThrownBy(() -> versionless.get(TradeByNoQry.internal("T-NO-SUCH-TRADE")))
                .isInstanceOf(RpcException.class)
                // Dubbo says so before routing (an empty directory) or after it (no invoker left by the filters)
                .hasMessageContaining("No provider available");
    }

    private static TradeService reference(String version) {
        ReferenceConfig<TradeService> reference = new ReferenceConfig<>();
        reference.setInterface(TradeService.class);
        if (version != null) {
            reference.setVersion(version);
        }
        reference.setCheck(false);
        reference.setTimeout(5_000);
        reference.setRetries(0);
        outsider.reference(reference);
        return reference.get();
    }
}
