package io.paysuite.trade.infra.event;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a test may break a trade event's local transaction on purpose, built from
 * {@link TradeEventsProperties.Chaos}; both are no-ops unless a test instance switches them on.
 *
 * @param beforeLocalCommit runs inside the transaction after the work and the event row, right before commit
 * @param afterLocalCommit  runs after the commit, before the message is sent (outbox) or COMMIT is returned to the broker
 */
record FaultHooks(Runnable beforeLocalCommit, Runnable afterLocalCommit) {

    private static final Logger log = LoggerFactory.getLogger(FaultHooks.class);
    private static final Runnable NOTHING = () -> { };

    static FaultHooks none() {
        return new FaultHooks(NOTHING, NOTHING);
    }

    static FaultHooks of(TradeEventsProperties.Chaos chaos) {
        Runnable before = NOTHING;
        Runnable after = NOTHING;
        if (chaos.failBeforeLocalCommit()) {
            log.warn("FAULT HOOK ON: paysuite.events.chaos.fail-before-local-commit=true: every trade event's local"
                    + " transaction on this instance fails right before its commit. Tests only.");
            before = () -> {
                throw new InjectedFault("paysuite.events.chaos.fail-before-local-commit: failing the local transaction");
            };
        }
        if (chaos.haltAfterLocalCommit()) {
            log.warn("FAULT HOOK ON: paysuite.events.chaos.halt-after-local-commit=true: this instance halts after its"
                    + " first local commit of a trade event. Tests only.");
            after = () -> {
                System.err.println("paysuite.events.chaos.halt-after-local-commit: halting between the local commit and the broker");
                System.err.flush();
                Runtime.getRuntime().halt(137);
            };
        }
        return new FaultHooks(before, after);
    }

    /** The failure {@code fail-before-local-commit} injects; a system fault like a lost connection. */
    static final class InjectedFault extends RuntimeException {

        private static final long serialVersionUID = 1L;

        InjectedFault(String message) {
            super(message);
        }
    }
}
