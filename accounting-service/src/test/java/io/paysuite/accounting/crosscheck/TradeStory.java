package io.paysuite.accounting.crosscheck;

import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.AccountType.Side;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Builds one trade's records as the services would tell them, for the comparison rules' tests. */
final class TradeStory {

    static final String TRADE_NO = "T2026120612000001000010042";
    static final String PAY_ORDER_NO = "P2026120612000101000010042";
    static final String MERCHANT = "M1";
    static final String BUYER = "U1";
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private TradeDTO trade;
    private final List<PayOrderDTO> payOrders = new ArrayList<>();
    private final Map<String, ChannelOrderDTO> channelOrders = new HashMap<>();
    private final Map<String, RefundDTO> refunds = new HashMap<>();
    private final Set<String> refundsNotFound = new HashSet<>();
    private final List<JournalEntryDTO> entries = new ArrayList<>();
    private int entrySeq;

    /** A balance payment of {@code amount}, agreeing everywhere. */
    static TradeStory paidByWallet(long amount) {
        TradeStory story = new TradeStory().trade(TradeStatus.SUCCESS, TradeType.INSTANT, amount, 0);
        story.payOrder(PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, amount, null);
        story.paymentEntry(PAY_ORDER_NO, amount, false);
        return story;
    }

    /** A WeChat QR payment of {@code amount}, agreeing everywhere. */
    static TradeStory paidByChannel(long amount) {
        TradeStory story = new TradeStory().trade(TradeStatus.SUCCESS, TradeType.INSTANT, amount, 0);
        story.payOrder(PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.WECHAT_QR, amount, "WECHAT");
        story.channelOrder(PAY_ORDER_NO, ChannelOrderStatus.SUCCESS, amount);
        story.paymentEntry(PAY_ORDER_NO, amount, false);
        return story;
    }

    /** A pre-authorisation of {@code amount} from the wallet, {@code AUTHORIZED}, agreeing everywhere. */
    static TradeStory authorisedByWallet(long amount) {
        TradeStory story = new TradeStory().preAuth(TradeStatus.AUTHORIZED, amount, amount);
        story.payOrder(PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, amount, null);
        story.authorisationEntry(PAY_ORDER_NO, amount);
        return story;
    }

    /** The trade as a pre-authorisation of {@code authorised}, its paid amount {@code paid} (the captured part once captured). */
    TradeStory preAuth(TradeStatus status, long authorised, long paid) {
        trade = new TradeDTO(TRADE_NO, MERCHANT, "out-1", TradeType.PREAUTH, status, Money.cny(authorised), Money.cny(paid),
                Money.cny(0), "subject", BUYER, null, "https://m/notify", null, AT.plusSeconds(1800), AT, AT, null);
        return this;
    }

    TradeStory trade(TradeStatus status, TradeType type, long paid, long refunded) {
        trade = new TradeDTO(TRADE_NO, MERCHANT, "out-1", type, status, Money.cny(paid == 0 ? 1000 : paid), Money.cny(paid),
                Money.cny(refunded), "subject", BUYER, null, "https://m/notify", null, AT.plusSeconds(1800), AT,
                paid == 0 ? null : AT, status == TradeStatus.CLOSED ? AT : null);
        return this;
    }

    TradeStory noTrade() {
        trade = null;
        return this;
    }

    TradeStory payOrder(String no, PayOrderStatus status, PayMethod method, long amount, String channel) {
        payOrders.add(new PayOrderDTO(no, TRADE_NO, "req-" + no, BUYER, MERCHANT, method, status, Money.cny(amount), AT,
                status == PayOrderStatus.SUCCESS ? AT : null, channel));
        return this;
    }

    TradeStory channelOrder(String payOrderNo, ChannelOrderStatus status, long amount) {
        channelOrders.put(payOrderNo, new ChannelOrderDTO("C" + payOrderNo.substring(1), payOrderNo, TRADE_NO, ChannelCode.WECHAT,
                PayMethod.WECHAT_QR, Money.cny(amount), status, null, "wx-1", "SUCCESS", AT, AT));
        return this;
    }

    TradeStory refund(String refundNo, RefundStatus status, long amount) {
        refunds.put(refundNo, new RefundDTO(refundNo, "out-" + refundNo, TRADE_NO, MERCHANT, status, Money.cny(amount), "why",
                null, AT, status == RefundStatus.SUCCESS ? AT : null));
        return this;
    }

    TradeStory refundNotFound(String refundNo) {
        refundsNotFound.add(refundNo);
        return this;
    }

    TradeStory paymentEntry(String payOrderNo, long amount, boolean escrow) {
        List<PostingLine> lines = new ArrayList<>();
        lines.add(line(AccountType.BUYER_WALLET, BUYER, Side.DEBIT, amount));
        if (escrow) {
            lines.add(line(AccountType.ESCROW, MERCHANT, Side.CREDIT, amount));
        } else {
            long fee = amount * 60 / 10_000;
            lines.add(line(AccountType.MERCHANT_PENDING, MERCHANT, Side.CREDIT, amount - fee));
            if (fee > 0) {
                lines.add(line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, fee));
            }
        }
        return entry(payOrderNo, "PAYMENT", lines);
    }

    TradeStory refundEntry(String refundNo, long amount) {
        return entry(refundNo, "REFUND", List.of(line(AccountType.MERCHANT_PENDING, MERCHANT, Side.DEBIT, amount),
                line(AccountType.BUYER_WALLET, BUYER, Side.CREDIT, amount)));
    }

    TradeStory reversalEntry(String refundNo, long amount) {
        return entry("RREV-" + refundNo, "REFUND_REVERSAL", List.of(line(AccountType.BUYER_WALLET, BUYER, Side.DEBIT, amount),
                line(AccountType.MERCHANT_PENDING, MERCHANT, Side.CREDIT, amount)));
    }

    TradeStory releaseEntry(long amount) {
        return entry("REL-" + TRADE_NO + (entrySeq == 0 ? "" : "-" + entrySeq), "RELEASE",
                List.of(line(AccountType.ESCROW, MERCHANT, Side.DEBIT, amount), line(AccountType.MERCHANT_PENDING, MERCHANT, Side.CREDIT, amount)));
    }

    /** A card's pre-auth of {@code amount} through UnionPay, {@code AUTHORIZED}, agreeing everywhere. */
    static TradeStory authorisedByCard(long amount) {
        TradeStory story = new TradeStory().preAuth(TradeStatus.AUTHORIZED, amount, amount);
        story.payOrder(PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BANK_CARD, amount, "UNIONPAY");
        story.channelOrders.put(PAY_ORDER_NO, new ChannelOrderDTO("C" + PAY_ORDER_NO.substring(1), PAY_ORDER_NO, TRADE_NO,
                ChannelCode.UNIONPAY, PayMethod.BANK_CARD, Money.cny(amount), ChannelOrderStatus.SUCCESS, null, "up-1", "00", AT, AT));
        story.entry(PAY_ORDER_NO, "PAYMENT", List.of(line(AccountType.CHANNEL_CLEARING, "UNIONPAY", Side.DEBIT, amount),
                line(AccountType.PREAUTH_HOLD, MERCHANT, Side.CREDIT, amount)));
        return story;
    }

    /** A card pre-auth's capture: the rest back to the channel's clearing (the issuer released it). */
    TradeStory cardCaptureEntry(long held, long capture) {
        long fee = capture * 60 / 10_000;
        return entry("CAPTURE-" + TRADE_NO, "CAPTURE", List.of(line(AccountType.PREAUTH_HOLD, MERCHANT, Side.DEBIT, held),
                line(AccountType.MERCHANT_PENDING, MERCHANT, Side.CREDIT, capture - fee),
                line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, fee),
                line(AccountType.CHANNEL_CLEARING, "UNIONPAY", Side.CREDIT, held - capture)));
    }

    TradeStory authorisationEntry(String payOrderNo, long amount) {
        return entry(payOrderNo, "PAYMENT", List.of(line(AccountType.BUYER_WALLET, BUYER, Side.DEBIT, amount),
                line(AccountType.PREAUTH_HOLD, MERCHANT, Side.CREDIT, amount)));
    }

    /** The hold's end: {@code capture} of {@code held} to the merchant (less the fee), the rest back to the wallet. */
    TradeStory holdEndEntry(long held, long capture) {
        List<PostingLine> lines = new ArrayList<>();
        lines.add(line(AccountType.PREAUTH_HOLD, MERCHANT, Side.DEBIT, held));
        if (capture > 0) {
            long fee = capture * 60 / 10_000;
            lines.add(line(AccountType.MERCHANT_PENDING, MERCHANT, Side.CREDIT, capture - fee));
            lines.add(line(AccountType.PLATFORM_FEE_INCOME, AccountRef.PLATFORM, Side.CREDIT, fee));
        }
        if (held > capture) {
            lines.add(line(AccountType.BUYER_WALLET, BUYER, Side.CREDIT, held - capture));
        }
        return entry((capture > 0 ? "CAPTURE-" : "VOID-") + TRADE_NO + (entrySeq < 2 ? "" : "-" + entrySeq),
                capture > 0 ? "CAPTURE" : "VOID", lines);
    }

    TradeStory adjustmentEntry(String key, long amount) {
        return entry(key, "ADJUSTMENT", List.of(line(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, Side.DEBIT, amount),
                line(AccountType.BUYER_WALLET, BUYER, Side.CREDIT, amount)));
    }

    private TradeStory entry(String key, String bizType, List<PostingLine> lines) {
        entrySeq++;
        entries.add(new JournalEntryDTO("J" + entrySeq, key, bizType, TRADE_NO, "CNY", lines, AT.plusSeconds(entrySeq)));
        return this;
    }

    private static PostingLine line(AccountType type, String owner, Side side, long amount) {
        return new PostingLine(new AccountRef(type, owner, "CNY"), side, amount);
    }

    TradeSides sides() {
        return new TradeSides(TRADE_NO, trade, payOrders, channelOrders, refunds, refundsNotFound, entries);
    }
}
