package io.paysuite.channel.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.channel.ChannelOrdersQry;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.adapter.ChannelAdapters;
import io.paysuite.channel.charge.ChannelCharges;
import io.paysuite.channel.charge.LatePayments;
import io.paysuite.channel.health.ChannelStats;
import io.paysuite.channel.isolation.BreakerBoard;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.preauth.AuthorisationEnds;
import io.paysuite.channel.refund.ChannelRefunds;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code ChannelService.getAll}: the pay orders' current charges in one read, each as {@code get} shows it. */
class ChannelOrdersReadTest {

    static final String PAY_ORDER = "P2026112914000001000010004";

    final ChannelCharges orders = mock(ChannelCharges.class);
    final ChannelServiceProvider provider = new ChannelServiceProvider(orders, mock(ChannelAdapters.class), mock(ChannelStats.class),
            mock(BreakerBoard.class), mock(ChannelRefunds.class), mock(LatePayments.class), mock(AuthorisationEnds.class));

    @Test
    void theChargesOfSeveralPayOrdersAreOneReadEachShownAsGetShowsIt() {
        Instant now = Instant.parse("2026-11-29T14:00:00Z");
        ChannelOrder order = new ChannelOrder("C2026112914000001000010004", PAY_ORDER, "T2026112914000001000010004", "M1",
                ChannelCode.ALIPAY, PayMethod.ALIPAY_QR, Money.cny(100), "tea", ChannelOrderStatus.SUCCESS, null, "2026", "TRADE_SUCCESS",
                "QUERY", now, now, now);
        ChannelOrderDTO shown = order.toDTO();
        when(orders.getAll(List.of(PAY_ORDER, "P2026112914000001000020004"))).thenReturn(List.of(order));
        when(orders.view(order)).thenReturn(shown);

        Result<List<ChannelOrderDTO>> answer = provider.getAll(new ChannelOrdersQry(List.of(PAY_ORDER, PAY_ORDER,
                "P2026112914000001000020004", " ")));

        assertThat(answer.success()).isTrue();
        assertThat(answer.data()).containsExactly(shown);
        verify(orders, never()).get(any());
    }

    @Test
    void moreNumbersThanTheBoundOrNoListAreRefusedAndReadNothing() {
        List<String> tooMany = IntStream.rangeClosed(0, ChannelOrdersQry.MAX_PAY_ORDERS)
                .mapToObj("P20261129140000010000%05d"::formatted).toList();

        assertThatThrownBy(() -> provider.getAll(new ChannelOrdersQry(tooMany)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThatThrownBy(() -> provider.getAll(null))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThat(provider.getAll(new ChannelOrdersQry(List.of())).data()).isEmpty();
        verify(orders, never()).getAll(any());
    }
}
