package io.paysuite.trade.order;

import io.paysuite.api.trade.TradeStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Test doubles of the two ports, with the same unique-key behaviour as the tables and the same
 * transition table as the repository.
 */
class InMemoryTrades implements TradeRepository, MerchantOrderIndex {

    final Map<String, Trade> trades = new HashMap<>();
    final Map<String, MerchantOrderEntry> index = new HashMap<>();
    /** Reads of a trade and of the index, as the statements they stand for. */
    int tradeReads;
    int indexReads;

    @Override
    public boolean insert(Trade trade) {
        return trades.putIfAbsent(trade.tradeNo(), trade) == null;
    }

    @Override
    public Optional<Trade> find(String tradeNo) {
        tradeReads++;
        return Optional.ofNullable(trades.get(tradeNo));
    }

    /** One statement, however many numbers. */
    @Override
    public List<Trade> findAll(Collection<String> tradeNos) {
        tradeReads++;
        return tradeNos.stream().map(trades::get).filter(Objects::nonNull).toList();
    }

    @Override
    public synchronized boolean transition(String tradeNo, TradeStatus from, TradeStatus to, Instant at) {
        TradeTransitions.TABLE.require(from, to);
        Trade trade = trades.get(tradeNo);
        if (trade == null || trade.status() != from) {
            return false;
        }
        trades.put(tradeNo, to == TradeStatus.CLOSED ? trade.closed(at) : new Trade(trade.tradeNo(), trade.merchantId(),
                trade.outTradeNo(), trade.tradeType(), to, trade.amount(), trade.paidAmount(), trade.refundedAmount(),
                trade.subject(), trade.buyerId(), trade.attach(), trade.notifyUrl(), trade.returnUrl(), trade.timeExpire(),
                trade.createdAt(), at, trade.paidAt(), trade.closedAt(), trade.version() + 1, trade.payOrderNo(), trade.payerId(),
                trade.paymentMethods(), trade.paidMethod(), trade.paidChannel()));
        return true;
    }

    @Override
    public Optional<MerchantOrderEntry> claim(MerchantOrderEntry entry) {
        return Optional.ofNullable(index.putIfAbsent(entry.merchantId() + "/" + entry.outTradeNo(), entry));
    }

    @Override
    public Optional<MerchantOrderEntry> find(String merchantId, String outTradeNo) {
        indexReads++;
        return Optional.ofNullable(index.get(merchantId + "/" + outTradeNo));
    }

    @Override
    public Optional<Trade> lock(String tradeNo) {
        return find(tradeNo);
    }

    @Override
    public synchronized boolean beginPay(String tradeNo, String payOrderNo, Instant at) {
        TradeTransitions.TABLE.require(TradeStatus.WAIT_PAY, TradeStatus.PAYING);
        Trade t = trades.get(tradeNo);
        if (t == null || t.status() != TradeStatus.WAIT_PAY) {
            return false;
        }
        trades.put(tradeNo, new Trade(t.tradeNo(), t.merchantId(), t.outTradeNo(), t.tradeType(), TradeStatus.PAYING,
                t.amount(), t.paidAmount(), t.refundedAmount(), t.subject(), t.buyerId(), t.attach(), t.notifyUrl(),
                t.returnUrl(), t.timeExpire(), t.createdAt(), at, t.paidAt(), t.closedAt(), t.version() + 1, payOrderNo,
                t.payerId(), t.paymentMethods(), t.paidMethod(), t.paidChannel()));
        return true;
    }

    /** Compare-and-sets that also compared the row's version, and how many of them missed. */
    int versionedChanges;
    int versionedMisses;

    @Override
    public synchronized boolean beginPay(String tradeNo, String payOrderNo, Instant at, int version) {
        versionedChanges++;
        Trade t = trades.get(tradeNo);
        boolean won = t != null && t.version() == version && beginPay(tradeNo, payOrderNo, at);
        versionedMisses += won ? 0 : 1;
        return won;
    }

    @Override
    public synchronized boolean abandonPay(String tradeNo, String payOrderNo, Instant at) {
        TradeTransitions.TABLE.require(TradeStatus.PAYING, TradeStatus.WAIT_PAY);
        Trade t = trades.get(tradeNo);
        if (t == null || t.status() != TradeStatus.PAYING || !payOrderNo.equals(t.payOrderNo())) {
            return false;
        }
        trades.put(tradeNo, new Trade(t.tradeNo(), t.merchantId(), t.outTradeNo(), t.tradeType(), TradeStatus.WAIT_PAY,
                t.amount(), t.paidAmount(), t.refundedAmount(), t.subject(), t.buyerId(), t.attach(), t.notifyUrl(),
                t.returnUrl(), t.timeExpire(), t.createdAt(), at, t.paidAt(), t.closedAt(), t.version() + 1, null,
                t.payerId(), t.paymentMethods(), t.paidMethod(), t.paidChannel()));
        return true;
    }

    @Override
    public synchronized boolean markPaid(String tradeNo, String payOrderNo, Trade paid) {
        TradeTransitions.TABLE.require(TradeStatus.PAYING, paid.status());
        Trade t = trades.get(tradeNo);
        if (t == null || t.status() != TradeStatus.PAYING || !payOrderNo.equals(t.payOrderNo())) {
            return false;
        }
        trades.put(tradeNo, paid);
        return true;
    }

    @Override
    public synchronized boolean markPaid(String tradeNo, String payOrderNo, Trade paid, int version) {
        versionedChanges++;
        Trade t = trades.get(tradeNo);
        boolean won = t != null && t.version() == version && markPaid(tradeNo, payOrderNo, paid);
        versionedMisses += won ? 0 : 1;
        return won;
    }

    @Override
    public synchronized boolean endAuthorisation(String tradeNo, TradeStatus to, long paidMinor, Instant at) {
        TradeTransitions.TABLE.require(TradeStatus.AUTHORIZED, to);
        Trade t = trades.get(tradeNo);
        if (t == null || t.status() != TradeStatus.AUTHORIZED) {
            return false;
        }
        trades.put(tradeNo, t.authorisationEnded(to, new io.paysuite.api.money.Money(paidMinor, t.amount().currency()), at));
        return true;
    }

    @Override
    public boolean addRefunded(String tradeNo, long delta, Instant at) {
        throw new UnsupportedOperationException("not needed by the unit tests");
    }
}
