package io.paysuite.channel.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.channel.order.ChannelOrder;
import io.paysuite.channel.order.ChannelOrderTransitions;
import io.paysuite.kit.state.StateTableCheck;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pair of channel order states through the repository's compare-and-set: it moves exactly as the table says. */
class ChannelOrderTransitionTableTest {

    final MyBatisChannelOrderRepository repository = new MyBatisChannelOrderRepository(new InMemoryChannelOrderMapper());
    final Instant now = Instant.parse("2026-11-29T14:00:00Z");
    int orders;

    @Test
    void theRepositoryMovesAChannelOrderExactlyWhenTheTableAllowsIt() {
        List<String> wrong = StateTableCheck.everyPair(ChannelOrderTransitions.TABLE,
                this::orderIn,
                (no, to) -> repository.transition(no, repository.find(no).orElseThrow().status(), to, null, null, "RAW", "QUERY", now),
                no -> repository.find(no).orElseThrow().status());

        assertThat(wrong).isEmpty();
    }

    private String orderIn(ChannelOrderStatus status) {
        String no = "C20261129140000010000%05d".formatted(++orders);
        repository.insert(new ChannelOrder(no, "P" + no.substring(1), "T" + no.substring(1), "M1", ChannelCode.ALIPAY,
                PayMethod.ALIPAY_QR, Money.cny(100), "tea", status, null, null, null, null, now.plusSeconds(900), now, null));
        return no;
    }
}
