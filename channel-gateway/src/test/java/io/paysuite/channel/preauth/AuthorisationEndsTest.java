package io.paysuite.channel.preauth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.paysuite.api.channel.AuthorisationEndDTO;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.EndAuthorisationCmd;
import io.paysuite.api.common.Outcome;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.AuthorisingAdapter;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.isolation.ChannelGuard;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthorisationEndsTest {

    static final String TRADE = "T2026120623131605000000754";
    static final String PAY_ORDER = "P2026120623131605000000754";
    static final Instant AT = Instant.parse("2026-12-06T23:13:16Z");

    final ChannelOrderRepository orders = mock(ChannelOrderRepository.class);
    final ChannelAdapters adapters = mock(ChannelAdapters.class);
    final AuthorisingAdapter unionPay = mock(AuthorisingAdapter.class);
    final Clock clock = Clock.fixed(AT, ZoneOffset.UTC);
    final InMemoryCompletions completions = new InMemoryCompletions();
    final AuthorisationEnds ends = new AuthorisationEnds(orders, adapters, new ChannelGuard(new ChannelStats(new SimpleMeterRegistry(), clock)),
            completions, clock);

    @BeforeEach
    void anAuthorisedCard() {
        ChannelOrder authorised = new ChannelOrder(ChannelOrder.numberFor(PAY_ORDER), PAY_ORDER, TRADE, "M100001", ChannelCode.UNIONPAY,
                PayMethod.BANK_CARD, Money.cny(10_000), "hotel", ChannelOrderStatus.SUCCESS, null, "Q1", "00", "QUERY",
                AT.plusSeconds(900), AT, AT, 0, null, true);
        when(orders.findByPayOrder(PAY_ORDER)).thenReturn(Optional.of(authorised));
        when(adapters.of(authorised)).thenReturn(unionPay);
    }

    @Test
    void aRefusalOfASecondSendOfTheSameCompletionIsAnsweredByWhatTheChannelKnows() {
        // the capture's own call and its event's consumer both asked, both heard "not found", both sent: the second is refused
        when(unionPay.queryEnd(any(), any())).thenReturn(ChannelCall.of(io.paysuite.channel.adapter.Outcome.NOT_FOUND, "34", "not found"),
                ChannelCall.of(io.paysuite.channel.adapter.Outcome.PENDING, "00", "accepted"));
        when(unionPay.end(any(), any())).thenReturn(ChannelCall.of(io.paysuite.channel.adapter.Outcome.FAILURE, "35", "原交易状态不正确"));

        AuthorisationEndDTO answer = ends.end(new EndAuthorisationCmd(TRADE, PAY_ORDER, Money.cny(6_000), AT));

        assertThat(answer.outcome()).as("the first send is still settling: not a failure").isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aRefusalOfAnEndTheChannelStillDoesNotKnowIsDefinite() {
        when(unionPay.queryEnd(any(), any())).thenReturn(ChannelCall.of(io.paysuite.channel.adapter.Outcome.NOT_FOUND, "34", "not found"));
        when(unionPay.end(any(), any())).thenReturn(ChannelCall.of(io.paysuite.channel.adapter.Outcome.FAILURE, "33", "amount"));

        AuthorisationEndDTO answer = ends.end(new EndAuthorisationCmd(TRADE, PAY_ORDER, Money.cny(6_000), AT));

        assertThat(answer.outcome()).isEqualTo(Outcome.FAILED);
    }

    @Test
    void aRefusalFollowedByAnUnansweredQueryStaysUnknown() {
        when(unionPay.queryEnd(any(), any())).thenReturn(ChannelCall.of(io.paysuite.channel.adapter.Outcome.NOT_FOUND, "34", "not found"),
                ChannelCall.unknown("IO", "read timed out"));
        when(unionPay.end(any(), any())).thenReturn(ChannelCall.of(io.paysuite.channel.adapter.Outcome.FAILURE, "35", "原交易状态不正确"));

        assertThat(ends.end(new EndAuthorisationCmd(TRADE, PAY_ORDER, Money.cny(6_000), AT)).outcome()).isEqualTo(Outcome.UNKNOWN);
    }

    @Test
    void aCompletionTheChannelConfirmsIsRecordedWithItsOwnIdForItsRefunds() {
        when(unionPay.queryEnd(any(), any())).thenReturn(new ChannelCall(io.paysuite.channel.adapter.Outcome.SUCCESS, "00", "成功",
                "Q-COMPLETION", null, 6_000L, "CNY"));

        AuthorisationEndDTO answer = ends.end(new EndAuthorisationCmd(TRADE, PAY_ORDER, Money.cny(6_000), AT));

        assertThat(answer.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(completions.ofAuthorisation(ChannelOrder.numberFor(PAY_ORDER))).hasValueSatisfying(c -> {
            assertThat(c.completionNo()).isEqualTo("K" + TRADE.substring(1));
            assertThat(c.channelTradeNo()).isEqualTo("Q-COMPLETION");
            assertThat(c.captured()).isEqualTo(Money.cny(6_000));
            assertThat(c.endedAt()).isEqualTo(AT);
        });
        ends.end(new EndAuthorisationCmd(TRADE, PAY_ORDER, Money.cny(6_000), AT));
        assertThat(completions.completedBetween(ChannelCode.UNIONPAY, AT.minusSeconds(1), AT.plusSeconds(1))).as("recorded once")
                .hasSize(1);
    }

    @Test
    void aConfirmedCancelOrAnUnsettledCompletionRecordsNothing() {
        when(unionPay.queryEnd(any(), any())).thenReturn(new ChannelCall(io.paysuite.channel.adapter.Outcome.SUCCESS, "00", "成功",
                "Q-CANCEL", null, 10_000L, "CNY"));
        ends.end(new EndAuthorisationCmd(TRADE, PAY_ORDER, Money.cny(0), AT));
        when(unionPay.queryEnd(any(), any())).thenReturn(ChannelCall.of(io.paysuite.channel.adapter.Outcome.PENDING, "05", "processing"));
        ends.end(new EndAuthorisationCmd(TRADE, PAY_ORDER, Money.cny(6_000), AT));

        assertThat(completions.ofAuthorisation(ChannelOrder.numberFor(PAY_ORDER))).isEmpty();
    }
}
