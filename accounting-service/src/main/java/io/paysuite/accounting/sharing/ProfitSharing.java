package io.paysuite.accounting.sharing;

import io.paysuite.accounting.ledger.EntryDraft;
import io.paysuite.accounting.ledger.EntryRules;
import io.paysuite.accounting.ledger.Journal;
import io.paysuite.accounting.ledger.PostingDigest;
import io.paysuite.accounting.ledger.TradeEntryKind;
import io.paysuite.accounting.ledger.TradeFunds;
import io.paysuite.accounting.ledger.TradePosting;
import io.paysuite.accounting.ledger.TradeShares;
import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.sharing.CreateSharingOrderCmd;
import io.paysuite.api.sharing.SharingOrderDTO;
import io.paysuite.api.sharing.SharingOrderQry;
import io.paysuite.api.sharing.SharingOrderStatus;
import io.paysuite.api.sharing.SharingReceiverCmd;
import io.paysuite.api.sharing.SharingReceiverResult;
import io.paysuite.api.sharing.SharingReturnCmd;
import io.paysuite.api.sharing.SharingReturnDTO;
import io.paysuite.api.sharing.UnfreezeCmd;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Profit sharing of paid trades: an order is written {@code PROCESSING}, its one entry
 * ({@code SHARE-<order_no>}, composed by {@link TradeShares} from the trade's own journal under the
 * trade's lock) is posted, and the order finishes with its {@code PROFIT_SHARING_FINISHED} event.
 * Idempotent on the merchant's {@code out_order_no} (unique index); every amount rule is checked once
 * before anything is written (a refusal changes nothing) and again under the trade's lock (a race
 * between two orders of one trade closes the later one's receivers instead of over-sharing).
 * An order whose outcome is unknown (a system error while posting) stays {@code PROCESSING}: a repeat,
 * or the sweep, drives it on through the same idempotent posting.
 */
public final class ProfitSharing {

    private static final Logger log = LoggerFactory.getLogger(ProfitSharing.class);
    private static final Pattern OUT_NO = Pattern.compile("[A-Za-z0-9_\\-|*@]{1,64}");
    static final int MAX_RECEIVERS = 50;
    static final int MAX_DESCRIPTION = 80;
    /** Refusals under the trade's lock that are definite: the order's receivers are closed. */
    private static final Set<ErrorCode> DEFINITE = Set.of(ErrorCode.PROFIT_SHARING_AMOUNT_EXCEEDED,
            ErrorCode.PROFIT_SHARING_NOT_ALLOWED, ErrorCode.TRADE_NOT_FOUND, ErrorCode.PARAM_ERROR,
            ErrorCode.INSUFFICIENT_BALANCE, ErrorCode.CURRENCY_NOT_SUPPORTED);

    private final EntryRules rules;
    private final Journal journal;
    private final SharingStore store;
    private final SharingEvents events;
    private final Clock clock;

    public ProfitSharing(EntryRules rules, Journal journal, SharingStore store, SharingEvents events, Clock clock) {
        this.rules = rules;
        this.journal = journal;
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    public Result<SharingOrderDTO> share(CreateSharingOrderCmd cmd) {
        require(cmd != null, "command is required");
        require(!cmd.receivers().isEmpty(), "receivers: at least one is required");
        return create(cmd.merchantId(), cmd.tradeNo(), cmd.outOrderNo(), cmd.receivers(), cmd.unfreezeUnsplit());
    }

    public Result<SharingOrderDTO> unfreeze(UnfreezeCmd cmd) {
        require(cmd != null, "command is required");
        return create(cmd.merchantId(), cmd.tradeNo(), cmd.outOrderNo(), List.of(), true);
    }

    public SharingOrderDTO get(SharingOrderQry qry) {
        require(qry != null, "query is required");
        return owned(qry.merchantId(), qry.orderNo()).toDto();
    }

    private Result<SharingOrderDTO> create(String merchantId, String tradeNo, String outOrderNo, List<SharingReceiverCmd> receivers,
                                           boolean unfreeze) {
        requireText(merchantId, "merchant_id", 64);
        requireText(tradeNo, "trade_no", 64);
        require(outOrderNo != null && OUT_NO.matcher(outOrderNo).matches(), "out_order_no: 1-64 of [A-Za-z0-9_-|*@]");
        require(receivers.size() <= MAX_RECEIVERS, "receivers: at most " + MAX_RECEIVERS);
        String currency = receivers.isEmpty() ? "CNY" : receivers.get(0).amount() == null ? null : receivers.get(0).amount().currency();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < receivers.size(); i++) {
            SharingReceiverCmd r = receivers.get(i);
            String at = "receivers[" + i + "].";
            require(r != null, at + "merchant_id is required");
            requireText(r.merchantId(), at + "merchant_id", 64);
            require(!r.merchantId().equals(merchantId), at + "merchant_id: a merchant cannot share with itself");
            require(seen.add(r.merchantId()), at + "merchant_id: named twice");
            require(r.amount() != null && r.amount().minor() > 0, at + "amount: must be greater than 0");
            require(r.amount().currency().equals(currency), at + "amount: every share in one currency");
            require(r.description() == null || r.description().length() <= MAX_DESCRIPTION,
                    at + "description: at most " + MAX_DESCRIPTION + " characters");
        }
        rules.requireCurrency(currency);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<SharingOrder.Receiver> asked = receivers.stream().map(r -> new SharingOrder.Receiver(r.merchantId(),
                r.amount().minor(), r.description(), SharingReceiverResult.PENDING)).toList();
        String digest = PostingDigest.of("PROFIT_SHARING_ORDER", merchantId, tradeNo, outOrderNo, currency, unfreeze,
                asked.stream().map(r -> r.merchantId() + "=" + r.amount() + "/" + r.description()).toList());
        SharingOrder order = new SharingOrder(SharingNumbers.orderNo(merchantId, outOrderNo), outOrderNo, tradeNo, merchantId,
                currency, asked, unfreeze, digest, SharingOrderStatus.PROCESSING, now, null);

        Optional<SharingOrder> existing = store.findByOutOrderNo(merchantId, outOrderNo);
        if (existing.isPresent()) {
            return repeat(existing.get(), digest);
        }
        checkBeforeWriting(order);
        if (!store.insert(order)) {
            return repeat(store.findByOutOrderNo(merchantId, outOrderNo).orElseThrow(), digest);
        }
        return Result.ok(drive(order).toDto());
    }

    private Result<SharingOrderDTO> repeat(SharingOrder first, String digest) {
        if (!first.digest().equals(digest)) {
            throw new BizException(ErrorCode.OUT_ORDER_NO_USED, "out_order_no " + first.outOrderNo() + " was used for another order");
        }
        return Result.repeated(drive(first).toDto());
    }

    /** Every refusal the order could meet, on what the journal holds now: a refused order writes nothing. */
    private void checkBeforeWriting(SharingOrder order) {
        if (store.unfrozen(order.tradeNo())) {
            throw new BizException(ErrorCode.PROFIT_SHARING_NOT_ALLOWED, "trade " + order.tradeNo() + " was unfrozen: no more sharing");
        }
        if (store.settled(order.merchantId(), order.tradeNo())) {
            throw new BizException(ErrorCode.PROFIT_SHARING_NOT_ALLOWED, "trade " + order.tradeNo() + " is settled");
        }
        try {
            posting(order).compose(tradeEntries(order.tradeNo()));
        } catch (NothingToMove nothing) {
            // an unfreeze of a trade never shared: nothing held, still ends its sharing
        }
    }

    /** Posts the order's entry (idempotent) and finishes it; the order as it is afterwards. */
    SharingOrder drive(SharingOrder order) {
        if (order.status() == SharingOrderStatus.FINISHED) {
            return order;
        }
        SharingReceiverResult result = SharingReceiverResult.SUCCESS;
        BizException refusal = null;
        try {
            journal.post(posting(order));
        } catch (NothingToMove nothing) {
            // an unfreeze with nothing held: done without an entry
        } catch (BizException e) {
            if (!DEFINITE.contains(e.code())) {
                throw e;
            }
            result = SharingReceiverResult.CLOSED;
            refusal = e;
        }
        events.finish(order, result);
        SharingOrder now = store.find(order.orderNo()).orElse(order);
        if (refusal != null) {
            log.warn("profit sharing order {} of trade {} refused under the trade's lock: {}", order.orderNo(), order.tradeNo(),
                    refusal.getMessage());
            throw refusal;
        }
        return now;
    }

    /** The sweep's redrive: an order left {@code PROCESSING} by an unknown outcome. */
    public void driveOn(SharingOrder order) {
        try {
            drive(order);
        } catch (BizException refused) {
            // finished CLOSED; nothing to tell anyone but the merchant's notification
        }
    }

    /** The order's entry, composed from the trade's entries under its lock. */
    TradePosting posting(SharingOrder order) {
        String digest = PostingDigest.of("PROFIT_SHARE", order.orderNo(), order.digest());
        Map<String, Long> shares = new LinkedHashMap<>();
        order.receivers().forEach(r -> shares.put(r.merchantId(), r.amount()));
        return new TradePosting(order.tradeNo(), order.postingKey(), digest, funds -> {
            requireShareable(funds, order.merchantId(), order.tradeNo());
            List<PostingLine> lines = funds.shares().order(shares, order.unfreeze(), order.currency());
            if (lines.isEmpty()) {
                throw new NothingToMove();
            }
            return rules.check(new EntryDraft(order.postingKey(), TradeEntryKind.PROFIT_SHARE.name(), order.tradeNo(),
                    order.currency(), lines, "profit sharing order " + order.orderNo() + (order.unfreeze() ? TradeShares.UNFROZEN : ""),
                    digest));
        });
    }

    /** A trade the merchant was paid for: an instant trade, or a guarantee trade released. */
    private static void requireShareable(TradeFunds funds, String merchantId, String tradeNo) {
        if (!funds.paidAtAll() || !merchantId.equals(funds.merchantId())) {
            throw new BizException(ErrorCode.TRADE_NOT_FOUND, "no payment of trade " + tradeNo + " to merchant " + merchantId);
        }
        if (funds.escrowHeld() > 0 || funds.merchantBase() == 0) {
            throw new BizException(ErrorCode.PROFIT_SHARING_NOT_ALLOWED, "trade " + tradeNo + " is not released to the merchant yet");
        }
    }

    /**
     * A receiver gives (part of) its share of an order back: Dr its pending / Cr the sharer's pending
     * ({@code SHARE-RET-<return_no>}), never more than it still holds of the order and of the trade.
     */
    public Result<SharingReturnDTO> giveBack(SharingReturnCmd cmd) {
        require(cmd != null, "command is required");
        requireText(cmd.merchantId(), "merchant_id", 64);
        require(cmd.outReturnNo() != null && OUT_NO.matcher(cmd.outReturnNo()).matches(), "out_return_no: 1-64 of [A-Za-z0-9_-|*@]");
        requireText(cmd.receiverMerchantId(), "merchant_id", 64);
        require(cmd.amount() != null && cmd.amount().minor() > 0, "amount: must be greater than 0");
        SharingOrder order = owned(cmd.merchantId(), cmd.orderNo());
        SharingOrder.Receiver receiver = order.receivers().stream()
                .filter(r -> r.merchantId().equals(cmd.receiverMerchantId()) && r.result() == SharingReceiverResult.SUCCESS)
                .findFirst().orElseThrow(() -> new BizException(ErrorCode.PARAM_ERROR,
                        "merchant_id: " + cmd.receiverMerchantId() + " received no share of order " + order.orderNo()));
        require(cmd.amount().currency().equals(order.currency()), "amount: the order's currency is " + order.currency());
        String digest = PostingDigest.of("PROFIT_SHARING_RETURN", cmd.merchantId(), cmd.orderNo(), cmd.outReturnNo(),
                cmd.receiverMerchantId(), cmd.amount());
        Optional<SharingStore.Returned> existing = store.findReturn(cmd.merchantId(), cmd.outReturnNo());
        if (existing.isPresent()) {
            return repeatReturn(existing.get(), digest, order);
        }
        long left = receiver.amount() - store.returnedOf(order.orderNo(), receiver.merchantId());
        if (cmd.amount().minor() > left) {
            throw new BizException(ErrorCode.PROFIT_SHARING_AMOUNT_EXCEEDED,
                    "receiver " + receiver.merchantId() + " holds " + left + " of order " + order.orderNo());
        }
        SharingReturnDTO giveBack = new SharingReturnDTO(SharingNumbers.returnNo(cmd.merchantId(), cmd.outReturnNo()),
                cmd.outReturnNo(), order.orderNo(), cmd.merchantId(), receiver.merchantId(), cmd.amount(),
                SharingReceiverResult.PENDING, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (!store.insertReturn(giveBack, digest)) {
            return repeatReturn(store.findReturn(cmd.merchantId(), cmd.outReturnNo()).orElseThrow(), digest, order);
        }
        return Result.ok(post(giveBack, order));
    }

    private Result<SharingReturnDTO> repeatReturn(SharingStore.Returned first, String digest, SharingOrder order) {
        if (!first.digest().equals(digest)) {
            throw new BizException(ErrorCode.OUT_ORDER_NO_USED, "out_return_no " + first.giveBack().outReturnNo()
                    + " was used for another return");
        }
        return Result.repeated(first.giveBack().result() == SharingReceiverResult.SUCCESS ? first.giveBack()
                : post(first.giveBack(), order));
    }

    private SharingReturnDTO post(SharingReturnDTO giveBack, SharingOrder order) {
        String key = "SHARE-RET-" + giveBack.returnNo();
        String digest = PostingDigest.of("PROFIT_SHARE_RETURN", giveBack.returnNo(), giveBack.receiverMerchantId(), giveBack.amount());
        journal.post(new TradePosting(order.tradeNo(), key, digest, funds -> rules.check(new EntryDraft(key,
                TradeEntryKind.PROFIT_SHARE_RETURN.name(), order.tradeNo(), order.currency(),
                funds.shares().giveBack(giveBack.receiverMerchantId(), giveBack.amount().minor(), order.currency()),
                "return " + giveBack.returnNo() + " of profit sharing order " + order.orderNo(), digest))));
        store.returnSucceeded(giveBack.returnNo());
        return new SharingReturnDTO(giveBack.returnNo(), giveBack.outReturnNo(), giveBack.orderNo(), giveBack.merchantId(),
                giveBack.receiverMerchantId(), giveBack.amount(), SharingReceiverResult.SUCCESS, giveBack.createdAt());
    }

    private SharingOrder owned(String merchantId, String orderNo) {
        return (orderNo == null || orderNo.isBlank() ? Optional.<SharingOrder>empty() : store.find(orderNo))
                .filter(o -> o.merchantId().equals(merchantId))
                .orElseThrow(() -> new BizException(ErrorCode.PROFIT_SHARING_NOT_FOUND, "no profit sharing order " + orderNo));
    }

    private List<Journal.Posted> tradeEntries(String tradeNo) {
        List<JournalEntryDTO> entries = journal.entriesOf(tradeNo);
        // the dry run before writing: memos are not read back here, the locked composition reads them
        return entries.stream().map(e -> new Journal.Posted(e.postingKey(), e.bizType(), e.currency(), null, e.lines())).toList();
    }

    private static void requireText(String value, String name, int max) {
        require(value != null && !value.isBlank(), name + " is required");
        require(value.length() <= max, name + " longer than " + max);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new BizException(ErrorCode.PARAM_ERROR, message);
        }
    }

    /** An unfreeze with nothing held: no entry to post. */
    static final class NothingToMove extends RuntimeException {
        NothingToMove() {
            super(null, null, false, false);
        }
    }
}
