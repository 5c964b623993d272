package io.paysuite.accounting.crosscheck;

import io.paysuite.accounting.ledger.TradeEntryKind;
import io.paysuite.api.channel.ChannelOrderDTO;
import io.paysuite.api.channel.ChannelOrderStatus;
import io.paysuite.api.crosscheck.DisagreementKind;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayOrderDTO;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.refund.RefundDTO;
import io.paysuite.api.refund.RefundStatus;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The comparison of one trade's records: what must agree between the trade, its pay orders, their
 * channel orders, its refunds and its journal entries. A pure function of {@link TradeSides}: every
 * rule is one block below, and an empty answer means everything agrees.
 *
 * <p>The rules hold only once the money path has settled (the ledger posts a payment before the pay
 * order and the trade say SUCCESS, a release after the trade says FINISHED), so a caller checks again
 * after a grace period before it believes a disagreement ({@link InternalReconciliation}).
 */
public final class CrossCheckRules {

    /** The key prefix of a refund reversal: {@code RREV-<refund no>} (trade-core's {@code TradeLedger}). */
    static final String REVERSAL_KEY_PREFIX = "RREV-";

    private CrossCheckRules() {
    }

    public static List<Disagreement> compare(TradeSides sides) {
        List<Disagreement> found = new ArrayList<>();
        String tradeNo = sides.tradeNo();
        TradeDTO trade = sides.trade();
        if (trade == null) {
            if (!sides.entries().isEmpty()) {
                found.add(new Disagreement(tradeNo, DisagreementKind.TRADE_MISSING, tradeNo,
                        "trade: none; ledger: " + describe(sides.entries())));
            }
            return found;
        }
        Map<String, List<JournalEntryDTO>> byType = sides.entries().stream()
                .collect(Collectors.groupingBy(JournalEntryDTO::bizType));
        unexpectedEntries(sides, found);
        payment(trade, byType.getOrDefault(TradeEntryKind.PAYMENT.name(), List.of()), sides, found);
        refunds(trade, byType.getOrDefault(TradeEntryKind.REFUND.name(), List.of()),
                byType.getOrDefault(TradeEntryKind.REFUND_REVERSAL.name(), List.of()), sides, found);
        release(trade, byType.getOrDefault(TradeEntryKind.RELEASE.name(), List.of()), sides.entries(), found);
        hold(trade, sides.entries(), found);
        return found;
    }

    private static void unexpectedEntries(TradeSides sides, List<Disagreement> found) {
        for (JournalEntryDTO entry : sides.entries()) {
            if (!TradeEntryKind.isReserved(entry.bizType())) {
                found.add(new Disagreement(sides.tradeNo(), DisagreementKind.UNEXPECTED_ENTRY, entry.entryNo(),
                        "trade: " + sides.trade().status() + "; ledger: " + entry.bizType() + " entry " + entry.entryNo()
                                + " key " + entry.postingKey() + " of " + amountOf(entry) + " " + entry.currency()));
            }
        }
    }

    private static void payment(TradeDTO trade, List<JournalEntryDTO> payments, TradeSides sides, List<Disagreement> found) {
        String tradeNo = trade.tradeNo();
        boolean paid = trade.status() == TradeStatus.SUCCESS || trade.status() == TradeStatus.FINISHED
                || trade.status() == TradeStatus.AUTHORIZED || trade.status() == TradeStatus.CAPTURED
                || trade.status() == TradeStatus.VOIDED;
        // a pre-authorisation's payment froze the whole amount; its paid amount becomes what was captured
        Money expected = trade.tradeType() == TradeType.PREAUTH ? trade.amount() : trade.paidAmount();
        List<PayOrderDTO> succeeded = sides.payOrders().stream().filter(p -> p.status() == PayOrderStatus.SUCCESS).toList();
        String tradeSays = "trade: " + trade.status() + " paid " + money(trade.paidAmount());
        if (!paid) {
            if (!payments.isEmpty()) {
                found.add(new Disagreement(tradeNo, DisagreementKind.PAYMENT_NOT_PAID, tradeNo,
                        tradeSays + "; ledger: " + describe(payments)));
            }
            if (!succeeded.isEmpty()) {
                found.add(new Disagreement(tradeNo, DisagreementKind.PAY_ORDER_NOT_PAID, succeeded.get(0).payOrderNo(),
                        tradeSays + "; pay-core: " + describePayOrders(succeeded)));
            }
        } else {
            if (payments.isEmpty()) {
                found.add(new Disagreement(tradeNo, DisagreementKind.PAYMENT_MISSING, tradeNo, tradeSays + "; ledger: no PAYMENT entry"));
            } else if (payments.size() > 1) {
                found.add(new Disagreement(tradeNo, DisagreementKind.PAYMENT_DUPLICATED, tradeNo, tradeSays + "; ledger: " + describe(payments)));
            } else if (!sameAmount(expected, payments.get(0))) {
                found.add(new Disagreement(tradeNo, DisagreementKind.PAYMENT_AMOUNT, payments.get(0).entryNo(),
                        tradeSays + "; ledger: " + describe(payments)));
            }
            if (succeeded.isEmpty()) {
                found.add(new Disagreement(tradeNo, DisagreementKind.PAY_ORDER_MISSING, tradeNo,
                        tradeSays + "; pay-core: no SUCCESS pay order among " + describePayOrders(sides.payOrders())));
            } else if (succeeded.size() > 1) {
                found.add(new Disagreement(tradeNo, DisagreementKind.PAY_ORDER_DUPLICATED, tradeNo,
                        tradeSays + "; pay-core: " + describePayOrders(succeeded)));
            } else {
                PayOrderDTO order = succeeded.get(0);
                if (!Objects.equals(order.amount(), expected)) {
                    found.add(new Disagreement(tradeNo, DisagreementKind.PAY_ORDER_AMOUNT, order.payOrderNo(),
                            tradeSays + "; pay-core: " + describePayOrders(succeeded)));
                }
                if (payments.size() == 1 && !payments.get(0).postingKey().equals(order.payOrderNo())) {
                    found.add(new Disagreement(tradeNo, DisagreementKind.PAYMENT_AMOUNT, payments.get(0).entryNo(),
                            "pay-core: " + describePayOrders(succeeded) + "; ledger: " + describe(payments)));
                }
            }
        }
        for (PayOrderDTO order : succeeded) {
            if (!viaChannel(order)) {
                continue; // the wallet: the ledger is the only other side
            }
            ChannelOrderDTO channel = sides.channelOrders().get(order.payOrderNo());
            if (channel == null || channel.status() != ChannelOrderStatus.SUCCESS || !Objects.equals(channel.amount(), order.amount())) {
                found.add(new Disagreement(tradeNo, DisagreementKind.CHANNEL_ORDER_MISMATCH, order.payOrderNo(),
                        "pay-core: " + describePayOrders(List.of(order)) + "; channel-gateway: " + (channel == null ? "no channel order"
                                : channel.channelOrderNo() + " " + channel.channel() + " " + channel.status() + " " + money(channel.amount()))));
            }
        }
    }

    private static void refunds(TradeDTO trade, List<JournalEntryDTO> refundEntries, List<JournalEntryDTO> reversals,
                                TradeSides sides, List<Disagreement> found) {
        String tradeNo = trade.tradeNo();
        Map<String, JournalEntryDTO> posted = refundEntries.stream()
                .collect(Collectors.toMap(JournalEntryDTO::postingKey, Function.identity(), (a, b) -> a));
        Set<String> reversed = reversals.stream().map(JournalEntryDTO::postingKey)
                .filter(key -> key.startsWith(REVERSAL_KEY_PREFIX))
                .map(key -> key.substring(REVERSAL_KEY_PREFIX.length())).collect(Collectors.toSet());
        for (RefundDTO refund : sides.refunds().values()) {
            JournalEntryDTO entry = posted.get(refund.refundNo());
            boolean standing = entry != null && !reversed.contains(refund.refundNo());
            String refundSays = "trade-core: refund " + refund.refundNo() + " " + refund.status() + " " + money(refund.amount());
            if (refund.status() == RefundStatus.SUCCESS && !standing) {
                found.add(new Disagreement(tradeNo, DisagreementKind.REFUND_ENTRY_MISSING, refund.refundNo(), refundSays
                        + "; ledger: " + (entry == null ? "no REFUND entry" : "REFUND entry " + entry.entryNo() + " reversed")));
            } else if (refund.status() == RefundStatus.FAILED && standing) {
                found.add(new Disagreement(tradeNo, DisagreementKind.REFUND_NOT_REFUNDED, refund.refundNo(),
                        refundSays + "; ledger: " + describe(List.of(entry)) + " not reversed"));
            }
            if (entry != null && !sameAmount(refund.amount(), entry)) {
                found.add(new Disagreement(tradeNo, DisagreementKind.REFUND_AMOUNT, refund.refundNo(),
                        refundSays + "; ledger: " + describe(List.of(entry))));
            }
        }
        for (String refundNo : sides.refundsNotFound()) {
            JournalEntryDTO entry = posted.get(refundNo);
            if (entry != null && !reversed.contains(refundNo)) {
                found.add(new Disagreement(tradeNo, DisagreementKind.REFUND_NOT_REFUNDED, refundNo,
                        "trade-core: no refund " + refundNo + "; ledger: " + describe(List.of(entry))));
            }
        }
        long ledgerRefunded = posted.values().stream().filter(e -> !reversed.contains(e.postingKey()))
                .mapToLong(CrossCheckRules::amountOf).sum();
        long tradeRefunded = trade.refundedAmount() == null ? 0 : trade.refundedAmount().minor();
        if (ledgerRefunded > tradeRefunded) {
            found.add(new Disagreement(tradeNo, DisagreementKind.REFUND_EXCESS, tradeNo,
                    "trade: refunded " + money(trade.refundedAmount()) + "; ledger: refunded " + ledgerRefunded));
        }
    }

    private static void release(TradeDTO trade, List<JournalEntryDTO> releases, List<JournalEntryDTO> entries,
                                List<Disagreement> found) {
        String tradeNo = trade.tradeNo();
        if (!releases.isEmpty() && trade.status() != TradeStatus.FINISHED) {
            found.add(new Disagreement(tradeNo, DisagreementKind.RELEASE_NOT_FINISHED, tradeNo,
                    "trade: " + trade.status() + "; ledger: " + describe(releases)));
        }
        if (trade.status() != TradeStatus.FINISHED || trade.tradeType() != TradeType.GUARANTEE) {
            return;
        }
        long held = 0;
        for (JournalEntryDTO entry : entries) {
            for (PostingLine line : entry.lines()) {
                if (line.account().type() == AccountType.ESCROW) {
                    held += line.side() == AccountType.Side.CREDIT ? line.amount() : -line.amount();
                }
            }
        }
        if (held != 0 || releases.size() > 1) {
            found.add(new Disagreement(tradeNo, DisagreementKind.ESCROW_NOT_RELEASED, tradeNo,
                    "trade: FINISHED; ledger: escrow holds " + held + " for it after " + describe(releases)));
        }
    }

    /**
     * A captured or voided pre-authorisation's hold is empty, by exactly one CAPTURE or VOID entry;
     * a trade not ended has none of them.
     */
    private static void hold(TradeDTO trade, List<JournalEntryDTO> entries, List<Disagreement> found) {
        long held = 0;
        List<JournalEntryDTO> ends = new ArrayList<>();
        for (JournalEntryDTO entry : entries) {
            if (TradeEntryKind.CAPTURE.name().equals(entry.bizType()) || TradeEntryKind.VOID.name().equals(entry.bizType())) {
                ends.add(entry);
            }
            for (PostingLine line : entry.lines()) {
                if (line.account().type() == AccountType.PREAUTH_HOLD) {
                    held += line.side() == AccountType.Side.CREDIT ? line.amount() : -line.amount();
                }
            }
        }
        boolean ended = trade.status() == TradeStatus.CAPTURED || trade.status() == TradeStatus.VOIDED;
        if (ended ? held != 0 || ends.size() != 1 : !ends.isEmpty()) {
            found.add(new Disagreement(trade.tradeNo(), DisagreementKind.ESCROW_NOT_RELEASED, trade.tradeNo(),
                    "trade: " + trade.status() + "; ledger: the pre-auth hold holds " + held + " for it after " + describe(ends)));
        }
    }

    /** The pay order's money moved at a channel (recorded on success; the method's channel for older pay orders). */
    static boolean viaChannel(PayOrderDTO order) {
        return order.channel() != null || (order.method() != null && order.method().viaChannel());
    }

    /** An entry's amount: its debits (equal to its credits, the ledger refuses anything else). */
    static long amountOf(JournalEntryDTO entry) {
        return entry.lines().stream().filter(l -> l.side() == AccountType.Side.DEBIT).mapToLong(PostingLine::amount).sum();
    }

    private static boolean sameAmount(Money money, JournalEntryDTO entry) {
        return money != null && money.currency().equals(entry.currency()) && money.minor() == amountOf(entry);
    }

    private static String money(Money money) {
        return money == null ? "nothing" : money.minor() + " " + money.currency();
    }

    private static String describe(List<JournalEntryDTO> entries) {
        if (entries.isEmpty()) {
            return "no entry";
        }
        return entries.stream().map(e -> e.bizType() + " " + e.entryNo() + " key " + e.postingKey() + " of " + amountOf(e) + " "
                + e.currency()).collect(Collectors.joining(", "));
    }

    private static String describePayOrders(List<PayOrderDTO> orders) {
        if (orders.isEmpty()) {
            return "none";
        }
        return orders.stream().map(p -> p.payOrderNo() + " " + p.method() + " " + p.status() + " " + money(p.amount()))
                .collect(Collectors.joining(", "));
    }
}
