package io.paysuite.accounting.crosscheck;

import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.ledger.TradeEntryKind;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrdersQry;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayOrdersOfTradesQry;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.refund.RefundsByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradesByNoQry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads what each service says about a round's trades through their batch read methods — one call
 * per service for the whole round (more only past a method's bound: {@link TradesByNoQry#MAX_TRADES}
 * numbers a call), not one per trade — and the trades' journal entries from this service's own journal
 * (all of the round's at once). The order is the money path's in reverse: trades, then their pay
 * orders, then the channel orders of those paid through a channel, then the ledger: the money path
 * posts before the pay order and the trade move, so an entry read after them is never older news than
 * they are. The refunds come after the journal, which names them.
 *
 * <p>A service that does not answer is not "no record": the trades of that call are handed to
 * {@code notRead} (checked again later) and the others are still read; only a definite not-found — a
 * number the service's answer leaves out — reads as absent.
 */
public class TradeSidesReader implements TradeRecords {

    private final TradeService trades;
    private final PayService payments;
    private final ChannelService channels;
    private final RefundService refunds;
    private final Journal journal;

    public TradeSidesReader(TradeService trades, PayService payments, ChannelService channels, RefundService refunds,
                            Journal journal) {
        this.trades = trades;
        this.payments = payments;
        this.channels = channels;
        this.refunds = refunds;
        this.journal = journal;
    }

    @Override
    public TradeSides read(String tradeNo, Set<String> refundNos) {
        return readAll(Map.of(tradeNo, refundNos), (no, e) -> {
            throw e;
        }).get(tradeNo);
    }

    /**
     * The services first, each in one call for the round; then the journal of every trade still read,
     * in one go (two statements for the round, not two per trade); then the refunds, which the entries name.
     */
    @Override
    public Map<String, TradeSides> readAll(Map<String, Set<String>> refundNosByTrade, BiConsumer<String, RuntimeException> notRead) {
        Round round = new Round(refundNosByTrade.keySet(), notRead);
        Map<String, TradeDTO> tradeOf = readTrades(round);
        Map<String, List<PayOrderDTO>> payOrdersOf = readPayOrders(round, tradeOf);
        Map<String, ChannelOrderDTO> channelOrderOf = readChannelOrders(round, payOrdersOf);
        Map<String, List<JournalEntryDTO>> entries = round.reading.isEmpty() ? Map.of()
                : journal.entriesOf(new LinkedHashSet<>(round.reading));
        Map<String, Set<String>> wanted = wantedRefunds(round, tradeOf, refundNosByTrade, entries);
        Map<String, RefundDTO> refundOf = readRefunds(round, wanted);

        Map<String, TradeSides> read = new LinkedHashMap<>();
        for (String tradeNo : List.copyOf(round.reading)) {
            try {
                read.put(tradeNo, sides(tradeNo, tradeOf.get(tradeNo), payOrdersOf.getOrDefault(tradeNo, List.of()),
                        channelOrderOf, wanted.getOrDefault(tradeNo, Set.of()), refundOf, entries.getOrDefault(tradeNo, List.of())));
            } catch (RuntimeException e) {
                round.notRead(List.of(tradeNo), e);
            }
        }
        return read;
    }

    /** The round's trades still being read, and those handed to {@code notRead} (each once). */
    private static final class Round {
        final Set<String> reading;
        final BiConsumer<String, RuntimeException> notRead;

        Round(Set<String> tradeNos, BiConsumer<String, RuntimeException> notRead) {
            this.reading = new LinkedHashSet<>(tradeNos);
            this.notRead = notRead;
        }

        void notRead(Iterable<String> tradeNos, RuntimeException e) {
            for (String tradeNo : tradeNos) {
                if (reading.remove(tradeNo)) {
                    notRead.accept(tradeNo, e);
                }
            }
        }
    }

    /** trade-core's trades; a number its answer leaves out has no trade (null). */
    private Map<String, TradeDTO> readTrades(Round round) {
        Map<String, TradeDTO> tradeOf = new HashMap<>();
        inCalls(round, List.copyOf(round.reading), TradesByNoQry.MAX_TRADES, chunk -> chunk, chunk ->
                answer(trades.getAll(new TradesByNoQry(chunk)), "trades").stream()
                        .filter(trade -> chunk.contains(trade.tradeNo()))
                        .forEach(trade -> tradeOf.put(trade.tradeNo(), trade)));
        return tradeOf;
    }

    /** pay-core's pay orders of the trades trade-core has, each trade's oldest first (as pay-core answers them). */
    private Map<String, List<PayOrderDTO>> readPayOrders(Round round, Map<String, TradeDTO> tradeOf) {
        List<String> existing = round.reading.stream().filter(tradeOf::containsKey).toList();
        Map<String, List<PayOrderDTO>> payOrdersOf = new HashMap<>();
        inCalls(round, existing, PayOrdersOfTradesQry.MAX_TRADES, chunk -> chunk, chunk ->
                answer(payments.ofTrades(new PayOrdersOfTradesQry(chunk)), "pay orders").stream()
                        .filter(order -> chunk.contains(order.tradeNo()))
                        .forEach(order -> payOrdersOf.computeIfAbsent(order.tradeNo(), no -> new ArrayList<>()).add(order)));
        return payOrdersOf;
    }

    /** channel-gateway's channel order of each successful pay order that went through a channel, by pay order number. */
    private Map<String, ChannelOrderDTO> readChannelOrders(Round round, Map<String, List<PayOrderDTO>> payOrdersOf) {
        Map<String, String> tradeOfPayOrder = new LinkedHashMap<>();
        for (String tradeNo : round.reading) {
            for (PayOrderDTO order : payOrdersOf.getOrDefault(tradeNo, List.of())) {
                if (order.status() == PayOrderStatus.SUCCESS && CrossCheckRules.viaChannel(order)) {
                    tradeOfPayOrder.put(order.payOrderNo(), tradeNo);
                }
            }
        }
        Map<String, ChannelOrderDTO> channelOrderOf = new HashMap<>();
        inCalls(round, List.copyOf(tradeOfPayOrder.keySet()), ChannelOrdersQry.MAX_PAY_ORDERS,
                chunk -> chunk.stream().map(tradeOfPayOrder::get).toList(), chunk ->
                answer(channels.getAll(new ChannelOrdersQry(chunk)), "channel orders").stream()
                        .filter(channel -> chunk.contains(channel.payOrderNo()))
                        .forEach(channel -> channelOrderOf.put(channel.payOrderNo(), channel)));
        return channelOrderOf;
    }

    /** Each existing trade's refunds to look at: those the round named and those the ledger posted. */
    private static Map<String, Set<String>> wantedRefunds(Round round, Map<String, TradeDTO> tradeOf,
                                                          Map<String, Set<String>> refundNosByTrade,
                                                          Map<String, List<JournalEntryDTO>> entries) {
        Map<String, Set<String>> wanted = new HashMap<>();
        for (String tradeNo : round.reading) {
            if (!tradeOf.containsKey(tradeNo)) {
                continue;
            }
            Set<String> refundNos = refundNosByTrade.get(tradeNo);
            Set<String> mine = new LinkedHashSet<>(refundNos == null ? Set.of() : refundNos);
            entries.getOrDefault(tradeNo, List.of()).stream().filter(e -> TradeEntryKind.REFUND.name().equals(e.bizType()))
                    .forEach(e -> mine.add(e.postingKey()));
            wanted.put(tradeNo, mine);
        }
        return wanted;
    }

    /** trade-core's refunds of those numbers, by number; a number its answer leaves out has no refund. */
    private Map<String, RefundDTO> readRefunds(Round round, Map<String, Set<String>> wanted) {
        Map<String, Set<String>> tradesWanting = new LinkedHashMap<>();
        for (String tradeNo : round.reading) {
            wanted.getOrDefault(tradeNo, Set.of())
                    .forEach(refundNo -> tradesWanting.computeIfAbsent(refundNo, no -> new LinkedHashSet<>()).add(tradeNo));
        }
        Map<String, RefundDTO> refundOf = new HashMap<>();
        inCalls(round, List.copyOf(tradesWanting.keySet()), RefundsByNoQry.MAX_REFUNDS,
                chunk -> chunk.stream().flatMap(no -> tradesWanting.get(no).stream()).distinct().toList(), chunk ->
                answer(refunds.getAll(new RefundsByNoQry(chunk)), "refunds").stream()
                        .filter(refund -> chunk.contains(refund.refundNo()))
                        .forEach(refund -> refundOf.put(refund.refundNo(), refund)));
        return refundOf;
    }

    private static TradeSides sides(String tradeNo, TradeDTO trade, List<PayOrderDTO> payOrders,
                                    Map<String, ChannelOrderDTO> channelOrderOf, Set<String> wanted,
                                    Map<String, RefundDTO> refundOf, List<JournalEntryDTO> entries) {
        Map<String, ChannelOrderDTO> channelOrders = new HashMap<>();
        payOrders.forEach(order -> {
            ChannelOrderDTO channel = channelOrderOf.get(order.payOrderNo());
            if (channel != null) {
                channelOrders.put(order.payOrderNo(), channel);
            }
        });
        Map<String, RefundDTO> found = new HashMap<>();
        Set<String> notFound = new HashSet<>();
        for (String refundNo : wanted) {
            RefundDTO refund = refundOf.get(refundNo);
            if (refund != null && tradeNo.equals(refund.tradeNo())) {
                found.put(refundNo, refund);
            } else {
                notFound.add(refundNo);
            }
        }
        return new TradeSides(tradeNo, trade, payOrders, channelOrders, found, notFound, entries);
    }

    /**
     * Asks a service about {@code keys} in as few calls as its bound allows; a call that fails (no answer, an
     * error, an unknown outcome) leaves the trades of its keys not read, and only those.
     *
     * @param tradesOf the round's trades a chunk of keys stands for
     */
    private static void inCalls(Round round, List<String> keys, int bound, Function<List<String>, List<String>> tradesOf,
                                Consumer<List<String>> call) {
        for (int from = 0; from < keys.size(); from += bound) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + bound));
            try {
                call.accept(chunk);
            } catch (RuntimeException e) {
                round.notRead(tradesOf.apply(chunk), e);
            }
        }
    }

    private static <T> List<T> answer(Result<List<T>> result, String what) {
        if (result != null && result.success() && result.data() != null) {
            return result.data();
        }
        // unknown is not absent: check again later
        throw new IllegalStateException(what + " not read: " + (result == null ? "no answer"
                : result.success() ? "no list" : result.code() + " " + result.message()));
    }
}
