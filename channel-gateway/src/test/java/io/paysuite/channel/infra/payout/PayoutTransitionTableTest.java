package io.paysuite.channel.infra.payout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.money.Money;
import io.paysuite.api.payout.PayoutPurpose;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.channel.payout.Payout;
import io.paysuite.channel.payout.PayoutTransitions;
import io.paysuite.kit.state.StateTableCheck;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pair of payout states through the repository's compare-and-set: it moves exactly as the table says. */
class PayoutTransitionTableTest {

    final InMemoryPayoutMapper mapper = new InMemoryPayoutMapper();
    final PayoutAccountSeal seal = new PayoutAccountSeal("0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));
    final MyBatisPayoutRepository repository = new MyBatisPayoutRepository(mapper, seal);
    final Instant now = Instant.parse("2026-12-06T14:00:00Z");
    int payouts;

    @Test
    void theRepositoryMovesAPayoutExactlyWhenTheTableAllowsIt() {
        List<String> wrong = StateTableCheck.everyPair(PayoutTransitions.TABLE,
                this::payoutIn,
                (no, to) -> repository.transition(no, repository.find(no).orElseThrow().status(), to, "RAW", null, now),
                no -> repository.find(no).orElseThrow().status());

        assertThat(wrong).isEmpty();
    }

    @Test
    void theAccountNumberIsStoredSealedAndOpensOnlyForItsOwnPayout() {
        String no = payoutIn(PayoutStatus.PROCESSING);
        PayoutMapper.Row row = mapper.find(no);

        assertThat(row.accountSealed()).startsWith("v1:").doesNotContain("6222020200001234");
        assertThat(row.accountLast4()).isEqualTo("1234");
        assertThat(repository.find(no).orElseThrow().bankAccountNo()).isEqualTo("6222020200001234");
        assertThat(repository.find(no).orElseThrow().toDTO().bankAccount()).isEqualTo("****1234");
        assertThatThrownBy(() -> seal.open("ANOTHER_PAYOUT", row.accountSealed())).isInstanceOf(IllegalStateException.class);
    }

    private String payoutIn(PayoutStatus status) {
        String no = "PO%07d".formatted(++payouts);
        repository.insert(new Payout(no, PayoutPurpose.SETTLEMENT, "M1", Money.cny(100), "6222020200001234", "Demo Shop", "S1",
                status, null, null, now, null));
        return no;
    }
}
