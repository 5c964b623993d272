package io.paysuite.accounting.infra.crosscheck;

import io.paysuite.api.event.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Internal reconciliation's settings ({@code paysuite.crosscheck.*}). {@code paysuite.crosscheck.enabled=false}
 * (default true) leaves out the consumers, the due checks and the janitor — nothing is checked — while
 * the stored findings stay readable.
 *
 * @param namesrv          the RocketMQ name server(s)
 * @param tradeGroup       the consumer group on trade-core's topic, this check's own
 * @param payGroup         the consumer group on pay-core's topic (a group takes one topic per process)
 * @param tradeTopic       trade-core's event topic
 * @param payTopic         pay-core's event topic
 * @param settleDelay      how long after the news a trade is checked, and how long a disagreement waits
 *                         for its second look: longer than the money path takes from posting to the
 *                         trade's final state, so a first look rarely catches it half way
 * @param sweepEvery       how often the checks that are due run; the janitor's two sweeps run every half of the
 *                         shorter of sweepAfter and recheckOpenAfter, never more often than this
 * @param sweepAfter       how old a journal entry is before the sweep looks for a check that covered it
 *                         (the event path's settle delay and second look, with room to spare)
 * @param lookBack         how far back a starting instance's sweep of journal entries begins
 * @param recheckOpenAfter how often an OPEN finding is checked again, so that it clears once repaired
 * @param batch            at most this many rows per sweep, and checks per round of due checks (a round claims,
 *                         reads and finishes its checks in one statement each)
 */
@ConfigurationProperties("paysuite.crosscheck")
public record CrossCheckProperties(String namesrv, String tradeGroup, String payGroup, String tradeTopic, String payTopic,
                                   Duration settleDelay, Duration sweepEvery, Duration sweepAfter, Duration lookBack,
                                   Duration recheckOpenAfter, int batch) {

    public CrossCheckProperties {
        namesrv = namesrv == null ? "127.0.0.1:19876" : namesrv;
        tradeGroup = tradeGroup == null ? "paysuite-accounting-crosscheck" : tradeGroup;
        payGroup = payGroup == null ? "paysuite-accounting-crosscheck-pay" : payGroup;
        tradeTopic = tradeTopic == null ? Topics.TRADE_EVENT : tradeTopic;
        payTopic = payTopic == null ? Topics.PAY_EVENT : payTopic;
        settleDelay = settleDelay == null ? Duration.ofSeconds(10) : settleDelay;
        sweepEvery = sweepEvery == null ? Duration.ofSeconds(5) : sweepEvery;
        sweepAfter = sweepAfter == null ? Duration.ofSeconds(45) : sweepAfter;
        lookBack = lookBack == null ? Duration.ofHours(1) : lookBack;
        recheckOpenAfter = recheckOpenAfter == null ? Duration.ofSeconds(30) : recheckOpenAfter;
        batch = batch <= 0 ? 200 : batch;
    }
}
