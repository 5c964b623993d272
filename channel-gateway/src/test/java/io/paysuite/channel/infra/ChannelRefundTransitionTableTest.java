package io.paysuite.channel.infra;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelRefundStatus;
import io.paysuite.api.money.Money;
import io.paysuite.channel.refund.ChannelRefund;
import io.paysuite.channel.refund.ChannelRefundTransitions;
import io.paysuite.kit.state.StateTableCheck;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pair of channel refund states through the repository's compare-and-set: it moves exactly as the table says. */
class ChannelRefundTransitionTableTest {

    final MyBatisChannelRefundRepository repository = new MyBatisChannelRefundRepository(new InMemoryChannelRefundMapper());
    final Instant now = Instant.parse("2026-11-29T14:00:00Z");
    int refunds;

    @Test
    void theRepositoryMovesAChannelRefundExactlyWhenTheTableAllowsIt() {
        List<String> wrong = StateTableCheck.everyPair(ChannelRefundTransitions.TABLE,
                this::refundIn,
                (no, to) -> repository.transition(no, repository.find(no).orElseThrow().status(), to, "RAW", null, now),
                no -> repository.find(no).orElseThrow().status());

        assertThat(wrong).isEmpty();
    }

    private String refundIn(ChannelRefundStatus status) {
        String no = "R%07d".formatted(++refunds);
        repository.insert(new ChannelRefund(no, "C2026112914000001000010004", ChannelCode.ALIPAY, Money.cny(100), status, null, null,
                now, null));
        return no;
    }
}
