package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.channel.preauth.InMemoryCompletions;
import io.paysuite.channel.reconcile.BillSource;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Which daily-file source each acquirer gets: ACP file transfer whenever it is configured, the URL template only when set. */
class UnionPayAcquirersTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(UnionPayProperties.class)
    static class Base {

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        InMemoryCompletions completions() {
            return new InMemoryCompletions();
        }
    }

    final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Base.class, UnionPayAcquirers.class);

    static String[] acquirer(String prefix) {
        return new String[] {
                prefix + ".gateway-url=http://127.0.0.1:1",
                prefix + ".merchant-private-key=" + FakeUnionPay.pem("PRIVATE KEY", FakeUnionPay.MERCHANT.getPrivate()),
                prefix + ".platform-public-key=" + FakeUnionPay.pem("PUBLIC KEY", FakeUnionPay.PLATFORM.getPublic())};
    }

    @Test
    void aConfiguredAcquirerReconcilesThroughFileTransferUnlessAUrlTemplateIsSet() {
        runner.withPropertyValues(acquirer("paysuite.channels.unionpay"))
                .withPropertyValues(acquirer("paysuite.channels.unionpay-b"))
                .withPropertyValues("paysuite.channels.unionpay-b.bill.url-template=http://127.0.0.1:1/sandbox/v1/bills/UNIONPAY_B/{date}")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean("unionPayBill")).isInstanceOf(UnionPayBillSource.class);
                    assertThat(context.getBean("unionPayBBill")).isInstanceOf(UnionPayBillUrlSource.class);
                    assertThat(context.getBeansOfType(BillSource.class).values()).extracting(BillSource::channel)
                            .containsExactlyInAnyOrder(ChannelCode.UNIONPAY, ChannelCode.UNIONPAY_B);
                });
    }

    @Test
    void anAcquirerWithoutGatewayUrlHasNoBillEvenWithATemplate() {
        runner.withPropertyValues(acquirer("paysuite.channels.unionpay-b"))
                .withPropertyValues("paysuite.channels.unionpay.bill.url-template=http://127.0.0.1:1/sandbox/v1/bills/UNIONPAY/{date}")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBeansOfType(BillSource.class).values()).extracting(BillSource::channel)
                            .containsExactly(ChannelCode.UNIONPAY_B);
                    assertThat(context.getBean("unionPayBBill")).isInstanceOf(UnionPayBillSource.class);
                });
    }
}
