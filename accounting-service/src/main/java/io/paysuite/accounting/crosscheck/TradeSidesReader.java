package io.paysuite.accounting.crosscheck;

import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.ledger.TradeEntryKind;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.refund.RefundByNoQry;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundService;
import io.paysuite.api.trade.TradeByNoQry;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trail.TrailEventDTO;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads what each service says about a round's trades through their Dubbo read methods (one trade
 * at a time: they have no batch reads), and the trades' journal entries from this service's own
 * journal (all of the round's at once). The ledger is read last: the money path posts
 * before the pay order and the trade move, so an entry read after them is never older news than they are.
 *
 * <p>A service that does not answer is not "no record": the read throws and the check is made again
 * later; only a definite not-found ({@code TRADE_NOT_FOUND}, {@code REFUND_NOT_FOUND},
 * {@code PAY_ORDER_NOT_FOUND}) reads as absent.
 */
public class TradeSidesReader implements TradeRecords {

    /** pay-core's trail step of each pay order's opening, referenced by the pay order number. */
    static final String PAY_ORDER_OPENED = "PAY_ORDER_OPENED";

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
     * The services first, trade by trade; then the journal of every trade read, in one go (two
     * statements for the round, not two per trade); then the refunds, which the entries name.
     */
    @Override
    public Map<String, TradeSides> readAll(Map<String, Set<String>> refundNosByTrade, BiConsumer<String, RuntimeException> notRead) {
        Map<String, ServicesSay> said = new LinkedHashMap<>();
        refundNosByTrade.forEach((tradeNo, refundNos) -> {
            try {
                said.put(tradeNo, servicesSay(tradeNo));
            } catch (RuntimeException e) {
                notRead.accept(tradeNo, e);
            }
        });
        Map<String, List<JournalEntryDTO>> entries = said.isEmpty() ? Map.of() : journal.entriesOf(said.keySet());
        Map<String, TradeSides> read = new LinkedHashMap<>();
        said.forEach((tradeNo, services) -> {
            try {
                read.put(tradeNo, sides(tradeNo, services, refundNosByTrade.get(tradeNo), entries.getOrDefault(tradeNo, List.of())));
            } catch (RuntimeException e) {
                notRead.accept(tradeNo, e);
            }
        });
        return read;
    }

    /** What trade-core, pay-core and channel-gateway say about one trade. */
    private record ServicesSay(TradeDTO trade, List<PayOrderDTO> payOrders, Map<String, ChannelOrderDTO> channelOrders) {
    }

    private ServicesSay servicesSay(String tradeNo) {
        TradeDTO trade = answer(trades.get(TradeByNoQry.internal(tradeNo)), ErrorCode.TRADE_NOT_FOUND, "trade " + tradeNo)
                .orElse(null);
        List<PayOrderDTO> payOrders = trade == null ? List.of() : payOrders(tradeNo);
        Map<String, ChannelOrderDTO> channelOrders = new HashMap<>();
        for (PayOrderDTO order : payOrders) {
            if (order.status() == PayOrderStatus.SUCCESS && CrossCheckRules.viaChannel(order)) {
                answer(channels.get(order.payOrderNo()), ErrorCode.PAY_ORDER_NOT_FOUND, "channel order of " + order.payOrderNo())
                        .ifPresent(channel -> channelOrders.put(order.payOrderNo(), channel));
            }
        }
        return new ServicesSay(trade, payOrders, channelOrders);
    }

    private TradeSides sides(String tradeNo, ServicesSay services, Set<String> refundNos, List<JournalEntryDTO> entries) {
        Set<String> wanted = new LinkedHashSet<>(refundNos == null ? Set.of() : refundNos);
        entries.stream().filter(e -> TradeEntryKind.REFUND.name().equals(e.bizType())).forEach(e -> wanted.add(e.postingKey()));
        Map<String, RefundDTO> found = new HashMap<>();
        Set<String> notFound = new HashSet<>();
        if (services.trade() != null) {
            for (String refundNo : wanted) {
                answer(refunds.get(new RefundByNoQry(refundNo, null)), ErrorCode.REFUND_NOT_FOUND, "refund " + refundNo)
                        .filter(refund -> tradeNo.equals(refund.tradeNo()))
                        .ifPresentOrElse(refund -> found.put(refundNo, refund), () -> notFound.add(refundNo));
            }
        }
        return new TradeSides(tradeNo, services.trade(), services.payOrders(), services.channelOrders(), found, notFound, entries);
    }

    private List<PayOrderDTO> payOrders(String tradeNo) {
        List<TrailEventDTO> trail = answer(payments.trail(tradeNo), null, "pay orders of " + tradeNo).orElse(List.of());
        return trail.stream().filter(step -> PAY_ORDER_OPENED.equals(step.type())).map(TrailEventDTO::reference).distinct()
                .map(no -> answer(payments.get(no), null, "pay order " + no).orElseThrow()).toList();
    }

    private static <T> Optional<T> answer(Result<T> result, ErrorCode absent, String what) {
        if (result != null && result.success()) {
            return Optional.ofNullable(result.data());
        }
        if (result != null && absent != null && absent.code().equals(result.code())) {
            return Optional.empty();
        }
        // unknown is not absent: check again later
        throw new IllegalStateException(what + " not read: " + (result == null ? "no answer" : result.code() + " " + result.message()));
    }
}
