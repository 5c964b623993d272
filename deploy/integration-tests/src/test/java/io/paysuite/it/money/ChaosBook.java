package io.paysuite.it.money;

import io.paysuite.api.common.Outcome;
import io.paysuite.api.common.Result;
import io.paysuite.api.trade.TradeType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What the chaos workload sent, by business key, and how it was answered. It never decides what
 * happened: an answer lost during a kill may hide a trade created, a payment taken or a refund
 * accepted, so the end checks read every trade and refund back by its merchant number and let the
 * platform's final state speak. The answers only feed the tally and the checks that are about
 * answers (a till is never told {@code WAIT_PAY}; what was answered as done must exist).
 */
final class ChaosBook {

    enum Kind { BALANCE, WECHAT_QR, ALIPAY_QR, ALIPAY_CODE, WECHAT_CODE, REFUND, CONFIRM }

    /** A trade the workload asked for, by its merchant key; only BALANCE trades name their buyer. */
    record TradeIntent(Kind kind, String merchantId, String outTradeNo, String buyerId, TradeType type, long amount) {
    }

    /** A trade whose creation was answered, so later operations can pick it. */
    record Created(TradeIntent intent, String tradeNo) {
    }

    /** A refund the workload asked for, by its merchant key. */
    record RefundIntent(String merchantId, String tradeNo, String outRefundNo, long amount) {
    }

    final List<TradeIntent> trades = new CopyOnWriteArrayList<>();
    final List<Created> created = new CopyOnWriteArrayList<>();
    final List<RefundIntent> refunds = new CopyOnWriteArrayList<>();
    /** Merchant numbers whose creation (trade) or acceptance (refund) was answered with success. */
    final Map<String, Boolean> answeredDone = new ConcurrentHashMap<>();
    /** Payment-code trades: the status the till was answered, by merchant trade number. */
    final Map<String, String> tillAnswers = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> tally = new ConcurrentSkipListMap<>();

    TradeIntent intend(TradeIntent intent) {
        trades.add(intent);
        return intent;
    }

    RefundIntent intend(RefundIntent intent) {
        refunds.add(intent);
        return intent;
    }

    void answeredDone(String merchantNo) {
        answeredDone.put(merchantNo, true);
    }

    boolean wasAnsweredDone(String merchantNo) {
        return answeredDone.containsKey(merchantNo);
    }

    /** Counts one operation under its kind and outcome ({@code ok}, {@code refused:CODE}, {@code unknown}, …). */
    void count(Kind kind, String outcome) {
        tally.computeIfAbsent(kind + ":" + outcome, k -> new AtomicInteger()).incrementAndGet();
    }

    /** A Dubbo answer as the tally names it; {@link Outcome} decides what is unknown. */
    static String outcome(Result<?> answer) {
        return switch (Outcome.of(answer)) {
            case SUCCEEDED -> "ok";
            case FAILED -> "refused:" + answer.code();
            case UNKNOWN -> "unknown";
        };
    }

    /** A trade created so far that {@code fits}, drawn at random; empty when none does yet. */
    Optional<Created> pick(Random random, Predicate<Created> fits) {
        List<Created> candidates = created.stream().filter(fits).toList();
        return candidates.isEmpty() ? Optional.empty() : Optional.of(candidates.get(random.nextInt(candidates.size())));
    }

    String tally() {
        return tally.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue().get())
                .collect(Collectors.joining(" ", "{", "}"));
    }
}
