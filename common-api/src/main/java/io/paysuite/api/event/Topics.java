package io.paysuite.api.event;

/**
 * The default name of every RocketMQ topic the suite uses. A topic an operator may rename is a
 * setting of each service that uses it, and that setting's default is the constant here, so the
 * producer and its consumers agree unless both are told otherwise.
 */
public final class Topics {

    /** trade-core's transactional trade events ({@code paysuite.events.topic}, cashier's {@code paysuite.cashier.notify.trade-topic}). */
    public static final String TRADE_EVENT = "PAYSUITE_TRADE_EVENT";
    /** pay-core's transactional pay events ({@code paysuite.pay.topic}); trade-core follows them. */
    public static final String PAY_EVENT = "PAYSUITE_PAY_EVENT";
    /** channel-gateway's announcements of final channel orders ({@code paysuite.channel.result-topic}, pay-core's {@code channel-result-topic}). */
    public static final String CHANNEL_EVENT = "PAYSUITE_CHANNEL_EVENT";
    /** accounting-service's transactional settlement events ({@code paysuite.settlement.topic}, cashier's {@code paysuite.cashier.notify.ledger-topic}). */
    public static final String LEDGER_EVENT = "PAYSUITE_LEDGER_EVENT";
    /** pay-core's own timers: the delayed check of a pay order. */
    public static final String PAY_CHECK = "PAYSUITE_PAY_CHECK";
    /** trade-core's own timers: a trade's expiry. */
    public static final String TRADE_EXPIRY = "PAYSUITE_TRADE_EXPIRY";
    /** channel-gateway's own timers: the follow-up query of a channel order. */
    public static final String CHANNEL_FOLLOW_UP = "PAYSUITE_CHANNEL_FOLLOWUP";
    /** cashier-service's own timers: the next attempt of a merchant notification. */
    public static final String NOTIFY_RETRY = "PAYSUITE_NOTIFY_RETRY";

    private Topics() {
    }
}
