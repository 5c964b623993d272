package io.paysuite.pay.risk;

import io.paysuite.api.risk.RiskAction;
import java.util.Set;

/**
 * One rule of the risk document. A rule applies to the payments of its {@link RiskScope} and
 * {@link #fires} answers why it fires, or null. Boundaries: a limit of N allows exactly N (the
 * amount, the day's sum with this payment, the count with this payment, the cards with this one);
 * N + 1 fires. A rule that throws is a rule that failed to evaluate: {@link RiskEngine} reports it and
 * decides by the others.
 */
public sealed interface RiskRule {

    String id();

    RiskAction action();

    RiskScope scope();

    /** Whether it reads counters (then a counter failure is its failure). */
    default boolean needsTallies() {
        return true;
    }

    default boolean appliesTo(RiskInput in) {
        return scope().covers(in);
    }

    /** Why it fires for this payment ({@code key=value} facts), or null. */
    String fires(RiskInput in, RiskTallies tallies);

    /** {@code amount > maxAmount}. */
    record SingleLimit(String id, RiskAction action, RiskScope scope, long maxAmount) implements RiskRule {
        @Override
        public boolean needsTallies() {
            return false;
        }

        @Override
        public String fires(RiskInput in, RiskTallies tallies) {
            return in.amountMinor() > maxAmount ? "amount=" + in.amountMinor() + ">" + maxAmount : null;
        }
    }

    /** The subject's (BUYER or MERCHANT) sum today with this payment {@code > maxAmount}. */
    record DailyLimit(String id, RiskAction action, RiskScope scope, RiskSubject subject, long maxAmount)
            implements RiskRule {
        @Override
        public String fires(RiskInput in, RiskTallies tallies) {
            String who = subject.of(in);
            if (who == null) {
                return null;
            }
            long sum = tallies.sumToday(subject, who) + in.amountMinor();
            return sum > maxAmount ? subject.name().toLowerCase() + "_day_sum=" + sum + ">" + maxAmount : null;
        }
    }

    /** The subject's (BUYER, DEVICE or IP) payments in the window with this one {@code > maxCount}. */
    record Velocity(String id, RiskAction action, RiskScope scope, RiskSubject subject, RiskWindow window,
                    long maxCount) implements RiskRule {
        @Override
        public String fires(RiskInput in, RiskTallies tallies) {
            String who = subject.of(in);
            if (who == null) {
                return null;
            }
            long count = tallies.count(subject, who, window) + 1;
            return count > maxCount
                    ? subject.name().toLowerCase() + "_per_" + window.name().toLowerCase() + "=" + count + ">" + maxCount : null;
        }
    }

    /**
     * The buyer, merchant, card fingerprint, device or IP is listed. The document names the listed merchants
     * {@code listed_merchants}: {@code merchants} is every rule's scope (which payments it looks at), and a list
     * read from the same field would either screen nothing else or blacklist the merchants it was meant to scope.
     */
    record Blacklist(String id, RiskAction action, RiskScope scope, Set<String> buyers, Set<String> merchants,
                     Set<String> cards, Set<String> devices, Set<String> ips) implements RiskRule {
        @Override
        public boolean needsTallies() {
            return false;
        }

        @Override
        public String fires(RiskInput in, RiskTallies tallies) {
            if (in.buyerId() != null && buyers.contains(in.buyerId())) {
                return "buyer=" + in.buyerId();
            }
            if (in.merchantId() != null && merchants.contains(in.merchantId())) {
                return "merchant=" + in.merchantId();
            }
            if (in.cardFingerprint() != null && cards.contains(in.cardFingerprint())) {
                return "card=" + in.cardFingerprint();
            }
            if (in.deviceId() != null && devices.contains(in.deviceId())) {
                return "device=" + in.deviceId();
            }
            return in.clientIp() != null && ips.contains(in.clientIp()) ? "ip=" + in.clientIp() : null;
        }
    }

    /**
     * {@code amount > factor × the buyer's recent average}, once the buyer has at least {@code minHistory}
     * payments in the last {@link RiskTallies#RECENT_DAYS} days (a new buyer has no "usual" to jump from).
     */
    record AmountJump(String id, RiskAction action, RiskScope scope, double factor, long minHistory)
            implements RiskRule {
        @Override
        public String fires(RiskInput in, RiskTallies tallies) {
            if (in.buyerId() == null) {
                return null;
            }
            RiskTallies.Tally history = tallies.buyerHistory(in.buyerId());
            if (history.count() < minHistory || history.count() == 0) {
                return null;
            }
            double average = (double) history.sumMinor() / history.count();
            return in.amountMinor() > factor * average
                    ? "amount=" + in.amountMinor() + ">" + factor + "x_avg=" + Math.round(average) + "(n=" + history.count() + ")"
                    : null;
        }
    }

    /** Distinct cards paid with on one device today, this one included, {@code > maxCards}. */
    record CardsPerDevice(String id, RiskAction action, RiskScope scope, long maxCards) implements RiskRule {
        @Override
        public String fires(RiskInput in, RiskTallies tallies) {
            if (in.deviceId() == null || in.cardFingerprint() == null) {
                return null;
            }
            long cards = tallies.cardsOnDeviceToday(in.cardFingerprint());
            return cards > maxCards ? "device_cards_today=" + cards + ">" + maxCards : null;
        }
    }

    /**
     * A rule the document names but that cannot be evaluated (unknown kind, missing or wrong parameter):
     * loaded so that the document's other rules still apply, and failing at every evaluation so that it is
     * reported (the ops API's replace refuses such a document outright).
     */
    record Unusable(String id, RiskAction action, RiskScope scope, String problem) implements RiskRule {
        @Override
        public boolean needsTallies() {
            return false;
        }

        @Override
        public String fires(RiskInput in, RiskTallies tallies) {
            throw new IllegalStateException("rule " + id + " cannot be evaluated: " + problem);
        }
    }
}
