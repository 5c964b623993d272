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
 * @param noteWindow       how long concurrent notes gather before they are written together, one statement
 *                         ({@link GroupedNotes}); a handler answers the broker once its group is written, so it waits
 *                         that long at most. 20 ms: at a few hundred payments a second (two notes each, trade-core's
 *                         and pay-core's) a group carries several payments, and a payment's second note, which follows
 *                         its first by the time trade-core takes to act on the same PAY_SUCCEEDED, often joins it as
 *                         one row. 0 writes as soon as no other write is in flight (group commit alone)
 * @param noteGroup        the notes that end a group before its window has passed; default, and best, the handler
 *                         threads of both consumers together ({@code 2 × consumeThreads}): once all of them wait in
 *                         one group nothing else can join it, and waiting out the window would only idle them
 *                         (at most {@value GroupedNotes#MAX_ROWS})
 * @param consumeThreads   handler threads of each of the two consumers. 12, three times the kit's usual 4: a handler
 *                         is held up to the note window and one write, so 4 would cap a consumer near 180 messages a
 *                         second; 12 carry about 550 before a group fills early, and they mostly park
 */
@ConfigurationProperties("paysuite.crosscheck")
public record CrossCheckProperties(String namesrv, String tradeGroup, String payGroup, String tradeTopic, String payTopic,
                                   Duration settleDelay, Duration sweepEvery, Duration sweepAfter, Duration lookBack,
                                   Duration recheckOpenAfter, int batch, Duration noteWindow, int noteGroup,
                                   int consumeThreads) {

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
        noteWindow = noteWindow == null || noteWindow.isNegative() ? Duration.ofMillis(20) : noteWindow;
        consumeThreads = consumeThreads <= 0 ? 12 : consumeThreads;
        noteGroup = noteGroup <= 0 ? 2 * consumeThreads : Math.min(noteGroup, GroupedNotes.MAX_ROWS);
    }
}
