package io.paysuite.accounting.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import io.paysuite.accounting.ledger.Journal;
import io.paysuite.api.channel.ChannelOrdersQry;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayOrdersOfTradesQry;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.refund.RefundsByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import io.paysuite.api.trade.TradesByNoQry;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A round's trades read from each service in one call for the whole round and from the journal all at
 * once, last but for the refunds the journal names; a service that does not answer leaves only the
 * trades of its call not read.
 */
class TradeSidesReaderTest {

    /** Paid by WeChat QR: {@link TradeStory#paidByChannel}, with a refund the ledger posted. */
    private static final String BY_CHANNEL = TradeStory.TRADE_NO;
    /** Paid from the wallet, with a refund an event named that trade-core does not know. */
    private static final String BY_WALLET = "T2026120612000001000010043";
    private static final String WALLET_PAY_ORDER = "P2026120612000101000010043";
    /** trade-core has no trade of this number. */
    private static final String NO_TRADE = "T2026120612000001000010044";
    private static final String POSTED_REFUND = "R2026120612000001000010042";
    private static final String UNKNOWN_REFUND = "R2026120612000001000010043";
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private final TradeService trades = mock(TradeService.class);
    private final PayService payments = mock(PayService.class);
    private final ChannelService channels = mock(ChannelService.class);
    private final RefundService refunds = mock(RefundService.class);
    private final Journal journal = mock(Journal.class);
    private final TradeSidesReader reader = new TradeSidesReader(trades, payments, channels, refunds, journal);

    private final TradeSides byChannel = TradeStory.paidByChannel(1000).refund(POSTED_REFUND, RefundStatus.SUCCESS, 300)
            .refundEntry(POSTED_REFUND, 300).sides();
    private final TradeDTO byWallet = trade(BY_WALLET);
    private final PayOrderDTO walletPayOrder = new PayOrderDTO(WALLET_PAY_ORDER, BY_WALLET, "req-1", "U1", "M1", PayMethod.BALANCE,
            PayOrderStatus.SUCCESS, Money.cny(500), AT, AT, null);

    @Test
    void aRoundMakesOneCallPerServiceAndANumberLeftOutOfAnAnswerIsAbsent() {
        everyServiceAnswers();
        Map<String, RuntimeException> notRead = new LinkedHashMap<>();

        Map<String, TradeSides> read = reader.readAll(round(), notRead::put);

        assertThat(notRead).isEmpty();
        assertThat(read).containsOnlyKeys(BY_CHANNEL, BY_WALLET, NO_TRADE);
        assertThat(read.get(BY_CHANNEL)).isEqualTo(byChannel);
        assertThat(read.get(BY_WALLET).trade()).isEqualTo(byWallet);
        assertThat(read.get(BY_WALLET).payOrders()).containsExactly(walletPayOrder);
        assertThat(read.get(BY_WALLET).channelOrders()).isEmpty();
        assertThat(read.get(BY_WALLET).refunds()).isEmpty();
        assertThat(read.get(BY_WALLET).refundsNotFound()).containsExactly(UNKNOWN_REFUND);
        assertThat(read.get(NO_TRADE)).isEqualTo(new TradeSides(NO_TRADE, null, List.of(), Map.of(), Map.of(), Set.of(), List.of()));

        verify(trades).getAll(new TradesByNoQry(List.of(BY_CHANNEL, BY_WALLET, NO_TRADE)));
        verify(payments).ofTrades(new PayOrdersOfTradesQry(List.of(BY_CHANNEL, BY_WALLET)));
        verify(channels).getAll(new ChannelOrdersQry(List.of(TradeStory.PAY_ORDER_NO)));
        verify(refunds).getAll(any(RefundsByNoQry.class));
        verify(refunds).getAll(org.mockito.ArgumentMatchers.argThat(
                qry -> qry != null && Set.copyOf(qry.refundNos()).equals(Set.of(POSTED_REFUND, UNKNOWN_REFUND))));
        verify(journal).entriesOf(org.mockito.ArgumentMatchers.<Collection<String>>argThat(
                numbers -> List.copyOf(numbers).equals(List.of(BY_CHANNEL, BY_WALLET, NO_TRADE))));
        verify(journal, never()).entriesOf(anyString());
        // no read one trade at a time is left
        verify(trades, never()).get(any());
        verify(payments, never()).get(anyString());
        verify(payments, never()).trail(anyString());
        verify(channels, never()).get(anyString());
        verify(refunds, never()).get(any());
    }

    @Test
    void aChannelGatewayThatDoesNotAnswerLeavesOnlyTheChannelPaidTradesNotRead() {
        everyServiceAnswers();
        when(channels.getAll(any())).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "channel-gateway away"));
        Map<String, RuntimeException> notRead = new LinkedHashMap<>();

        Map<String, TradeSides> read = reader.readAll(round(), notRead::put);

        assertThat(notRead).containsOnlyKeys(BY_CHANNEL);
        assertThat(notRead.get(BY_CHANNEL)).hasMessageContaining("SYSTEM_ERROR");
        assertThat(read).containsOnlyKeys(BY_WALLET, NO_TRADE);
        verify(journal).entriesOf(org.mockito.ArgumentMatchers.<Collection<String>>argThat(
                numbers -> List.copyOf(numbers).equals(List.of(BY_WALLET, NO_TRADE))));
    }

    @Test
    void aPayCoreThatThrowsLeavesTheTradesItWasAskedAboutNotReadAndATradeThatIsNotThereIsStillAbsent() {
        everyServiceAnswers();
        when(payments.ofTrades(any())).thenThrow(new IllegalStateException("timeout"));
        Map<String, RuntimeException> notRead = new LinkedHashMap<>();

        Map<String, TradeSides> read = reader.readAll(round(), notRead::put);

        assertThat(notRead).containsOnlyKeys(BY_CHANNEL, BY_WALLET);
        assertThat(read).containsOnlyKeys(NO_TRADE);
        assertThat(read.get(NO_TRADE).trade()).isNull();
        verifyNoInteractions(channels, refunds);
    }

    @Test
    void refundsThatAreNotReadLeaveOnlyTheTradesThatWantedThemNotRead() {
        everyServiceAnswers();
        when(refunds.getAll(any())).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "trade-core away"));
        Map<String, Set<String>> round = new LinkedHashMap<>(round());
        round.put(BY_WALLET, Set.of());
        when(journal.entriesOf(any(Collection.class))).thenReturn(Map.of(BY_CHANNEL, List.<JournalEntryDTO>of()));
        Map<String, RuntimeException> notRead = new LinkedHashMap<>();

        Map<String, TradeSides> read = reader.readAll(round, notRead::put);

        assertThat(notRead).isEmpty();
        assertThat(read).containsOnlyKeys(BY_CHANNEL, BY_WALLET, NO_TRADE);
        verifyNoInteractions(refunds);

        when(journal.entriesOf(any(Collection.class))).thenReturn(Map.of(BY_CHANNEL, byChannel.entries()));

        read = reader.readAll(round, notRead::put);

        assertThat(notRead).containsOnlyKeys(BY_CHANNEL);
        assertThat(read).containsOnlyKeys(BY_WALLET, NO_TRADE);
    }

    @Test
    void aSuccessWithoutAListIsNoAnswerNotAnAbsence() {
        when(trades.getAll(any())).thenReturn(Result.ok(null));
        Map<String, RuntimeException> notRead = new LinkedHashMap<>();

        Map<String, TradeSides> read = reader.readAll(Map.of(NO_TRADE, Set.of()), notRead::put);

        assertThat(read).isEmpty();
        assertThat(notRead).containsOnlyKeys(NO_TRADE);
    }

    @Test
    void aRoundWhoseTradesWereNotReadDoesNotReadTheJournal() {
        when(trades.getAll(any())).thenReturn(Result.fail(ErrorCode.SYSTEM_ERROR, "trade-core away"));
        Map<String, RuntimeException> notRead = new LinkedHashMap<>();

        Map<String, TradeSides> read = reader.readAll(round(), notRead::put);

        assertThat(read).isEmpty();
        assertThat(notRead).containsOnlyKeys(BY_CHANNEL, BY_WALLET, NO_TRADE);
        verify(journal, never()).entriesOf(any(Collection.class));
        verifyNoInteractions(payments, channels, refunds);
    }

    @Test
    void aRoundLargerThanAMethodsBoundIsAskedInCallsOfAtMostTheBound() {
        when(trades.getAll(any())).thenReturn(Result.ok(List.of()));
        when(journal.entriesOf(any(Collection.class))).thenReturn(Map.of());
        Map<String, Set<String>> round = new LinkedHashMap<>();
        IntStream.range(0, TradesByNoQry.MAX_TRADES + 1).forEach(i -> round.put("T20261206120000010000%05d".formatted(i), Set.of()));

        Map<String, TradeSides> read = reader.readAll(round, (no, e) -> { });

        assertThat(read).hasSize(TradesByNoQry.MAX_TRADES + 1);
        verify(trades, times(2)).getAll(any());
        verify(trades).getAll(org.mockito.ArgumentMatchers.argThat(qry -> qry.tradeNos().size() == TradesByNoQry.MAX_TRADES));
        verify(trades).getAll(org.mockito.ArgumentMatchers.argThat(qry -> qry.tradeNos().size() == 1));
        verifyNoInteractions(payments, channels, refunds);
    }

    /** The channel-paid trade (its posted refund comes from the journal), the wallet one naming a refund, and one absent. */
    private static Map<String, Set<String>> round() {
        Map<String, Set<String>> round = new LinkedHashMap<>();
        round.put(BY_CHANNEL, Set.of());
        round.put(BY_WALLET, Set.of(UNKNOWN_REFUND));
        round.put(NO_TRADE, Set.of());
        return round;
    }

    private void everyServiceAnswers() {
        when(trades.getAll(any())).thenReturn(Result.ok(List.of(byWallet, byChannel.trade())));
        when(payments.ofTrades(any())).thenReturn(Result.ok(List.of(byChannel.payOrders().get(0), walletPayOrder)));
        when(channels.getAll(any())).thenReturn(Result.ok(List.copyOf(byChannel.channelOrders().values())));
        RefundDTO posted = byChannel.refunds().get(POSTED_REFUND);
        // trade-core knows a refund of this number, but of another trade: not the wallet trade's
        RefundDTO othersRefund = new RefundDTO(UNKNOWN_REFUND, "out-x", NO_TRADE, "M1", RefundStatus.SUCCESS, Money.cny(1), "why",
                null, AT, AT);
        when(refunds.getAll(any())).thenReturn(Result.ok(List.of(posted, othersRefund)));
        when(journal.entriesOf(any(Collection.class))).thenReturn(Map.of(BY_CHANNEL, byChannel.entries()));
    }

    private static TradeDTO trade(String tradeNo) {
        return new TradeDTO(tradeNo, "M1", "out-" + tradeNo, TradeType.INSTANT, TradeStatus.SUCCESS, Money.cny(500), Money.cny(500),
                Money.cny(0), "subject", "U1", null, "https://m/notify", null, AT.plusSeconds(1800), AT, AT, null);
    }
}
