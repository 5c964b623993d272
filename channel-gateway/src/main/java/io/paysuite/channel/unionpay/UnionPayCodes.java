package io.paysuite.channel.unionpay;

import io.paysuite.channel.adapter.Outcome;
import java.util.Set;

/**
 * UnionPay ACP {@code respCode}s → our outcomes, conservative: a code not listed is {@code UNKNOWN} and leaves the
 * order {@code PROCESSING}. Source: the ACP response-code table as UnionPay's demo code carries it (00 success; 01
 * failed; 02 closed; 03 timeout, query; 04 state unknown; 05 accepted, query later; 10 format; 11 signature; 12
 * duplicate; 13 missing field; 30 not passed; 31 merchant state; 32 no permission; 33 amount over limit; 34 no such
 * transaction; 35/36 original transaction; 37 too frequent; 38 risk; 39 outside hours; 40 binding check; 42 debited
 * but past the payment time; 60–67 issuer/card refusals, 64 insufficient funds); docs/adr/0006-channel-edge-plan.md §3.
 *
 * <p>A consume's synchronous {@code 00} only means accepted: the result comes by notification or query. Duplicate
 * ({@code 12}), "system not open" ({@code 02}), "too frequent" ({@code 37}) and {@code 42} (money taken late) are not
 * treated as refusals: the query decides.
 */
final class UnionPayCodes {

    static final String OK = "00";

    /** "Query later": the transaction may or may not exist yet. */
    private static final Set<String> QUERY_LATER = Set.of("03", "04", "05");

    /** A transaction's definite refusal (its own result, or the synchronous answer): no money was taken. */
    private static final Set<String> DECLINED = Set.of("01", "30", "31", "32", "33", "38", "39", "40",
            "60", "61", "62", "63", "64", "65", "66", "67");

    /** A request UnionPay refused before processing it (format, signature, missing field): nothing happened. */
    private static final Set<String> REQUEST_REFUSED = Set.of("10", "11", "13");

    static final String NO_SUCH_TRANSACTION = "34";

    /**
     * Refusals of our merchant account by the acquirer, not of the buyer's card: format, signature and missing fields
     * (our configuration there), merchant state, no permission, over the merchant's limit, outside its hours. Another
     * acquirer may take the payment; a card's refusal (60–67, 38 risk, 40 binding, 01 generic) is not rerouted.
     */
    private static final Set<String> ACQUIRER_REFUSED = Set.of("10", "11", "13", "31", "32", "33", "39");

    private UnionPayCodes() {
    }

    static boolean refusedByAcquirer(String respCode) {
        return respCode != null && ACQUIRER_REFUSED.contains(respCode);
    }

    /** {@code backTransReq.do} consume: {@code 00} accepted, not paid. */
    static Outcome ofConsume(String respCode) {
        if (respCode == null) {
            return Outcome.UNKNOWN; // Set.of(..).contains(null) throws
        }
        if (OK.equals(respCode)) {
            return Outcome.PENDING;
        }
        if (DECLINED.contains(respCode) || REQUEST_REFUSED.contains(respCode)) {
            return Outcome.FAILURE;
        }
        return Outcome.UNKNOWN; // 03/04/05, 12 duplicate, system errors, anything new
    }

    /**
     * A pre-auth's completion or cancel: {@code 00} accepted, not settled; {@code 35}/{@code 36} the pre-auth is not
     * there to end (never authorised, or ended by another transaction) — definite, as a decline.
     */
    static Outcome ofPreAuthEnd(String respCode) {
        if ("35".equals(respCode) || "36".equals(respCode)) {
            return Outcome.FAILURE;
        }
        return ofConsume(respCode);
    }

    /** {@code queryTrans.do}: {@code respCode} is the query's own result, {@code origRespCode} the transaction's. */
    static Outcome ofQuery(String respCode, String origRespCode) {
        if (NO_SUCH_TRANSACTION.equals(respCode)) {
            return Outcome.NOT_FOUND;
        }
        if (!OK.equals(respCode) || origRespCode == null) {
            return Outcome.UNKNOWN;
        }
        if (OK.equals(origRespCode)) {
            return Outcome.SUCCESS;
        }
        if (QUERY_LATER.contains(origRespCode)) {
            return Outcome.PENDING;
        }
        return DECLINED.contains(origRespCode) ? Outcome.FAILURE : Outcome.UNKNOWN;
    }

    /** A {@code backUrl} notification's {@code respCode} is the transaction's result: only success and declines are definite. */
    static Outcome ofNotification(String respCode) {
        if (OK.equals(respCode)) {
            return Outcome.SUCCESS;
        }
        return respCode != null && DECLINED.contains(respCode) ? Outcome.FAILURE : Outcome.UNKNOWN;
    }
}
