package io.paysuite.channel.isolation;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.adapter.QrChannelAdapter;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.order.ChannelOrder;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The half-open probe: a query of an order that never existed, whose answer — any answer — is the channel's health. */
class BreakerProbeTest {

    final Clock clock = Clock.systemUTC();
    final List<String> asked = new ArrayList<>();
    ChannelCall answer;
    final QrChannelAdapter wechat = new QrChannelAdapter() {
        @Override
        public ChannelCode channel() {
            return ChannelCode.WECHAT;
        }

        @Override
        public PayMethod method() {
            return PayMethod.WECHAT_QR;
        }

        @Override
        public ChannelCall precreate(ChannelOrder order) {
            throw new AssertionError("a probe never charges");
        }

        @Override
        public ChannelCall query(ChannelOrder order) {
            asked.add(order.channelOrderNo());
            return answer;
        }

        @Override
        public ChannelCall close(ChannelOrder order) {
            throw new AssertionError("a probe never closes");
        }
    };
    final BreakerProbe probe = new BreakerProbe(new BreakerBoard(clock), new ChannelAdapters(List.of(wechat)),
            new ChannelGuard(new ChannelStats(new SimpleMeterRegistry(), clock)),
            new IsolationProperties("f", "d", 20, Duration.ofSeconds(2), 0.5, 0.5, 10, Duration.ofSeconds(10), Duration.ofSeconds(30)));

    @Test
    void aChannelThatAnswersEvenNotFoundIsHealthyAndOneThatTimesOutIsNot() {
        answer = ChannelCall.of(Outcome.NOT_FOUND, "ORDER_NOT_EXIST", "");
        assertThat(probe.probe(ChannelCode.WECHAT)).isTrue();

        answer = ChannelCall.unknown("IO", "read timed out");
        assertThat(probe.probe(ChannelCode.WECHAT)).isFalse();
        assertThat(asked).as("an order number no charge ever has").containsOnly("C" + "0".repeat(25));
    }

    @Test
    void aChannelWithoutAnAdapterHereIsNeverProbed() {
        assertThat(probe.probe(ChannelCode.ALIPAY)).isFalse();
        assertThat(asked).isEmpty();
    }
}
