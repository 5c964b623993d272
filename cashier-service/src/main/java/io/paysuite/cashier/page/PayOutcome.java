package io.paysuite.cashier.page;

/** What a pay attempt leads the buyer to: a page about the trade, or the form again with a refusal. */
sealed interface PayOutcome {

    record Shown(StatusPage page) implements PayOutcome {
    }

    record Refused(PayRefusal refusal) implements PayOutcome {
    }

    /** A channel QR payment was started: the buyer scans the code the scan page shows. */
    record Scan(String payOrderNo) implements PayOutcome {
    }

    /**
     * pay-core's risk rules want this balance or bound-card payment confirmed: the form again, asking for the
     * payment password once more, and naming the refused attempt so that the resubmission is its step-up.
     */
    record StepUp(String refusedRequestNo) implements PayOutcome {
    }

    /**
     * A bank card payment UnionPay accepted but has not settled yet (its result comes by notification
     * or query, seconds later): the buyer follows it on its own page until the trade is final.
     */
    record Accepted(String payOrderNo) implements PayOutcome {
    }
}
