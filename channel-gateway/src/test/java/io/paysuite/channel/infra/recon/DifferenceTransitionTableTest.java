package io.paysuite.channel.infra.recon;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.recon.DifferenceKind;
import io.paysuite.api.recon.DifferenceStatus;
import io.paysuite.api.recon.DifferenceType;
import io.paysuite.api.recon.ResolutionAction;
import io.paysuite.api.recon.ResolutionDTO;
import io.paysuite.channel.recon.DifferenceTransitions;
import io.paysuite.channel.recon.Found;
import io.paysuite.channel.recon.ReconBatch;
import io.paysuite.channel.recon.ReconDifference;
import io.paysuite.kit.state.StateTableCheck;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every pair of difference states through the repository's compare-and-set: it moves exactly as the table says. */
class DifferenceTransitionTableTest {

    final MyBatisReconciliationRepository repository = new MyBatisReconciliationRepository(new InMemoryReconciliationMapper());
    final Instant now = Instant.parse("2026-12-05T14:00:00Z");
    final ReconBatch batch = repository.batchFor(io.paysuite.api.recon.ReconKind.TRADE, ChannelCode.ALIPAY, LocalDate.parse("2026-12-05"), "CNY", now);
    int differences;

    @Test
    void theRepositoryMovesADifferenceExactlyWhenTheTableAllowsIt() {
        List<String> wrong = StateTableCheck.everyPair(DifferenceTransitions.TABLE,
                this::differenceIn,
                (id, to) -> repository.transition(id, repository.difference(id).orElseThrow().status(), to, "note",
                        new ResolutionDTO(ResolutionAction.ADJUST, "ops", "why", "done", null, now), now),
                id -> repository.difference(id).orElseThrow().status());

        assertThat(wrong).isEmpty();
    }

    @Test
    void aResolvedDifferenceKeepsWhoResolvedItWhyAndHow() {
        long id = differenceIn(DifferenceStatus.OPEN);

        repository.transition(id, DifferenceStatus.OPEN, DifferenceStatus.RESOLVED, null,
                new ResolutionDTO(ResolutionAction.ACCEPT, "ops:alice", "the channel is right", "booked 100", "RECON-ACCEPT-1", now), now);

        ReconDifference d = repository.difference(id).orElseThrow();
        assertThat(d.status()).isEqualTo(DifferenceStatus.RESOLVED);
        assertThat(d.resolution()).isEqualTo(
                new ResolutionDTO(ResolutionAction.ACCEPT, "ops:alice", "the channel is right", "booked 100", "RECON-ACCEPT-1", now));
        assertThat(d.channel()).isEqualTo(ChannelCode.ALIPAY);
    }

    private long differenceIn(DifferenceStatus status) {
        String number = "C%07d".formatted(++differences);
        repository.insert(new ReconDifference(0, batch.id(), batch.channel(), batch.billDate(), new Found(DifferenceType.CHANNEL_ONLY,
                DifferenceKind.PAYMENT, null, null, null, number, 100L, "T" + number), "CNY", DifferenceStatus.OPEN, null, null, now));
        long id = repository.differences(batch.id()).stream().filter(d -> d.found().number().equals(number)).findFirst()
                .orElseThrow().id();
        if (status != DifferenceStatus.OPEN) {
            if (status == DifferenceStatus.RESOLVED) {
                repository.transition(id, DifferenceStatus.OPEN, DifferenceStatus.RESOLVED, null,
                        new ResolutionDTO(ResolutionAction.SELF_HEALED, ResolutionDTO.SYSTEM, "r", "o", null, now), now);
            } else {
                repository.transition(id, DifferenceStatus.OPEN, status, "escalated", null, now);
            }
        }
        return id;
    }
}
