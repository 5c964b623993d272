package io.paysuite.trade.infra.sweep;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.event.EventType;
import io.paysuite.api.event.TradeFinished;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.ReleasePostingCmd;
import io.paysuite.kit.mq.EventJson;
import io.paysuite.trade.order.RecordedTradeEvent;
import io.paysuite.trade.order.TradeLedger;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An escrow release is marked done once the ledger answers it, so that a confirmed trade whose
 * {@code TRADE_FINISHED} follow-up (and its late timers) was lost is found by the janitor and released
 * from the event it committed with, under the same key.
 */
class EscrowReleasesTest {

    static final String TRADE = "T2026112914000001000010004";
    static final Instant NOW = Instant.parse("2026-11-29T15:00:00Z");

    final LedgerService ledger = mock(LedgerService.class);
    final Map<String, LocalDateTime> released = new HashMap<>();
    final TradeSweepMapper sweeps = new TradeSweepMapper() {
        @Override
        public List<String> payingSince(LocalDateTime before, int limit) {
            return List.of();
        }

        @Override
        public List<String> expiredUnpaidSince(LocalDateTime before, int limit) {
            return List.of();
        }

        @Override
        public List<String> processingRefundsSince(LocalDateTime before, int limit) {
            return List.of();
        }

        @Override
        public List<String> unreleasedSince(LocalDateTime before, int limit) {
            return released.containsKey(TRADE) ? List.of() : List.of(TRADE);
        }

        @Override
        public int markReleased(String tradeNo, LocalDateTime at) {
            return released.putIfAbsent(tradeNo, at) == null ? 1 : 0;
        }
    };
    final TradeFinished finished = new TradeFinished(TRADE, "M100001", 994, "CNY");
    final EscrowReleases releases = new EscrowReleases(new TradeLedger(ledger), sweeps,
            tradeNo -> List.of(new RecordedTradeEvent("E1", EventType.TRADE_FINISHED.tag(), EventJson.text(finished), NOW)),
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aReleaseTheLedgerAnsweredIsMarkedAndNotSweptAgain() {
        when(ledger.postRelease(any())).thenReturn(Result.ok(null));

        assertThat(releases.release(finished)).isTrue();

        assertThat(released).containsKey(TRADE);
        assertThat(releases.unreleasedSince(NOW, 10)).isEmpty();
    }

    @Test
    void aReleaseWhoseOutcomeIsUnknownStaysForTheJanitor() {
        when(ledger.postRelease(any())).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "timeout"));

        assertThat(releases.release(finished)).isFalse();

        assertThat(releases.unreleasedSince(NOW, 10)).containsExactly(TRADE);
    }

    @Test
    void theJanitorReleasesAFinishedTradeFromItsTradeFinishedEventUnderTheSameKey() {
        when(ledger.postRelease(any())).thenReturn(Result.ok(null));

        releases.redrive(TRADE);

        verify(ledger).postRelease(new ReleasePostingCmd(TradeLedger.releaseKey(TRADE), TRADE, "M100001",
                new io.paysuite.api.money.Money(994, "CNY")));
        assertThat(released).containsKey(TRADE);
    }

    @Test
    void aRedriveTheLedgerDoesNotAnswerThrowsSoTheJanitorCountsItAndComesBack() {
        when(ledger.postRelease(any())).thenThrow(new IllegalStateException("no provider"));

        assertThatThrownBy(() -> releases.redrive(TRADE)).isInstanceOf(IllegalStateException.class);

        assertThat(released).isEmpty();
        verify(ledger, times(1)).postRelease(any());
    }

    @Test
    void aTradeWithoutATradeFinishedEventIsNotReleased() {
        EscrowReleases none = new EscrowReleases(new TradeLedger(ledger), sweeps, tradeNo -> List.of(),
                Clock.fixed(NOW, ZoneOffset.UTC));

        assertThatThrownBy(() -> none.redrive(TRADE)).isInstanceOf(IllegalStateException.class);
        verify(ledger, never()).postRelease(any());
    }
}
