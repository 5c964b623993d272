package io.paysuite.pay.infra.risk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.risk.RiskAction;
import io.paysuite.pay.risk.RiskDecision;
import io.paysuite.pay.risk.RiskInput;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MyBatisRiskDecisionsTest {

    final RiskDecisionMapper mapper = mock(RiskDecisionMapper.class);

    static RiskDecision decision(RiskAction action, List<String> fired, List<String> failed) {
        return new RiskDecision(new RiskInput("T1", "R1", "B1", "M1", PayMethod.BALANCE, 100, "CNY", null, null, null,
                Instant.parse("2026-12-06T12:00:00Z")), action, fired, failed, "{}");
    }

    @Test
    void byDefaultOneInAHundredPlainAllowsIsWrittenAndEveryReviewAndBlock() {
        assertThat(new RiskProperties("k", "UTC", 0.01, Duration.ofDays(2), Duration.ofMinutes(10), 5000, Duration.ofMinutes(10)).allowSampleRate())
                .isEqualTo(0.01);
        AtomicInteger n = new AtomicInteger();
        MyBatisRiskDecisions decisions = new MyBatisRiskDecisions(mapper, 0.01, () -> (n.getAndIncrement() % 100) / 100.0);

        for (int i = 0; i < 1000; i++) {
            decisions.record(decision(RiskAction.ALLOW, List.of(), List.of()));
        }
        verify(mapper, times(10)).insert(any());

        decisions.record(decision(RiskAction.REVIEW, List.of("r1[REVIEW: jump]"), List.of()));
        decisions.record(decision(RiskAction.BLOCK, List.of("r2[BLOCK: list]"), List.of()));
        decisions.record(decision(RiskAction.ALLOW, List.of(), List.of("broken-rule")));
        decisions.record(decision(RiskAction.ALLOW, List.of("r3[ALLOW: trusted]"), List.of()));
        verify(mapper, times(14)).insert(any());
    }

    @Test
    void aRateOfZeroWritesNoPlainAllowAndARateOfOneWritesEvery() {
        new MyBatisRiskDecisions(mapper, 0.0, () -> 0.0).record(decision(RiskAction.ALLOW, List.of(), List.of()));
        verify(mapper, never()).insert(any());

        MyBatisRiskDecisions all = new MyBatisRiskDecisions(mapper, 1.0, () -> 0.999);
        all.record(decision(RiskAction.ALLOW, List.of(), List.of()));
        verify(mapper, times(1)).insert(any());
    }

    @Test
    void theStepUpCheckAsksForAReviewOfThatAttemptSinceTheWindowOpenedInUtc() {
        org.mockito.Mockito.when(mapper.reviews("T1", "R1", "B1", "BALANCE", java.time.LocalDateTime.parse("2026-12-06T11:50:00")))
                .thenReturn(1);
        MyBatisRiskDecisions decisions = new MyBatisRiskDecisions(mapper, 0.01);

        assertThat(decisions.askedToStepUp("T1", "R1", "B1", PayMethod.BALANCE, Instant.parse("2026-12-06T11:50:00Z"))).isTrue();
        assertThat(decisions.askedToStepUp("T1", "R1", "B1", PayMethod.BANK_CARD, Instant.parse("2026-12-06T11:50:00Z"))).isFalse();
    }

    @Test
    void aSampleRateOutsideZeroToOneIsRefusedAtStart() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new RiskProperties("k", "UTC", 1.5, Duration.ofDays(2), Duration.ofMinutes(10), 5000, Duration.ofMinutes(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
