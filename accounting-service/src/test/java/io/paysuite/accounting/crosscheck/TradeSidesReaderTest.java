package io.paysuite.accounting.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.paysuite.accounting.ledger.Journal;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trail.TrailEventDTO;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A round's trades read from the services one by one and from the journal all at once, last. */
class TradeSidesReaderTest {

    private static final String OTHER = "T2026120612000001000010043";

    private final TradeService trades = mock(TradeService.class);
    private final PayService payments = mock(PayService.class);
    private final ChannelService channels = mock(ChannelService.class);
    private final RefundService refunds = mock(RefundService.class);
    private final Journal journal = mock(Journal.class);
    private final TradeSidesReader reader = new TradeSidesReader(trades, payments, channels, refunds, journal);

    @Test
    void aRoundReadsTheJournalOfAllItsTradesInOneGoAndLeavesOutOnlyTheTradeThatDidNotAnswer() {
        TradeStory story = TradeStory.paidByWallet(1000);
        TradeSides expected = story.sides();
        when(trades.get(TradeByNoQry.internal(TradeStory.TRADE_NO))).thenReturn(Result.ok(expected.trade()));
        when(trades.get(TradeByNoQry.internal(OTHER))).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "trade-core away"));
        when(payments.trail(TradeStory.TRADE_NO)).thenReturn(Result.ok(List.of(new TrailEventDTO("pay-core",
                Instant.parse("2026-12-06T12:00:00Z"), TradeSidesReader.PAY_ORDER_OPENED, TradeStory.PAY_ORDER_NO, null))));
        when(payments.get(TradeStory.PAY_ORDER_NO)).thenReturn(Result.ok(expected.payOrders().get(0)));
        when(journal.entriesOf(any(Collection.class))).thenReturn(Map.of(TradeStory.TRADE_NO, expected.entries()));
        Map<String, Set<String>> round = new LinkedHashMap<>();
        round.put(TradeStory.TRADE_NO, Set.of());
        round.put(OTHER, Set.of());
        Map<String, RuntimeException> notRead = new LinkedHashMap<>();

        Map<String, TradeSides> read = reader.readAll(round, notRead::put);

        assertThat(read).containsOnlyKeys(TradeStory.TRADE_NO);
        assertThat(read.get(TradeStory.TRADE_NO)).isEqualTo(expected);
        assertThat(notRead).containsOnlyKeys(OTHER);
        verify(journal).entriesOf(org.mockito.ArgumentMatchers.<Collection<String>>argThat(
                numbers -> List.copyOf(numbers).equals(List.of(TradeStory.TRADE_NO))));
        verify(journal, never()).entriesOf(anyString());
        assertThat(CrossCheckRules.compare(read.get(TradeStory.TRADE_NO))).isEmpty();
    }

    @Test
    void aRoundWhoseServicesAllFailedDoesNotReadTheJournal() {
        when(trades.get(any())).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "trade-core away"));

        Map<String, TradeSides> read = reader.readAll(Map.of(OTHER, Set.<String>of()), (tradeNo, e) -> { });

        assertThat(read).isEmpty();
        verify(journal, never()).entriesOf(any(Collection.class));
    }

}
