package io.paysuite.channel.charge;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * The charges this process is sending right now, by channel order number: the synchronous send of a payment code
 * (or card) and the settling of its answer ({@link CodeFollowUps}), so that a notification of the same order can wait
 * for that answer instead of paying for a query ({@link ChannelNotifications}).
 *
 * <p>Why: the channel sandbox, like Alipay, sends its asynchronous notification of a payment-code payment at the
 * moment it answers the charge. Under load about a fifth of those notifications arrived while the order was still
 * {@code CREATED} — its answer on the wire or being settled in another thread of this process — and each paid a
 * signed confirming query (a signature here, another at the channel, a round trip) to learn what the charge's own
 * answer recorded milliseconds later.
 *
 * <p>Only what this process knows: a charge sent by another instance is not here, and its notification is queried as
 * before. Bounded by {@code chargesInFlight} ({@link FollowUpProperties}) — far above the channels' concurrency caps;
 * a charge beyond it is simply not registered, and a notification of it is queried as before. An entry ends, and wakes
 * its waiters, when the charge's synchronous part ends in any way — answered, timed out, thrown.
 */
@Component
public class ChargesInFlight {

    private final ConcurrentHashMap<String, Charge> charging = new ConcurrentHashMap<>();
    private final Semaphore room;

    public ChargesInFlight(FollowUpProperties properties) {
        this.room = new Semaphore(properties.chargesInFlight());
    }

    /**
     * Registers the charge of {@code channelOrderNo} until the returned registration is closed (in a
     * try-with-resources around the send and the settling of its answer). Registers nothing when the registry is full
     * or the order is already being charged in this process (the first charge's registration stands).
     */
    Registration start(String channelOrderNo) {
        if (!room.tryAcquire()) {
            return Registration.NONE;
        }
        Charge charge = new Charge(new CountDownLatch(1));
        if (charging.putIfAbsent(channelOrderNo, charge) != null) {
            room.release();
            return Registration.NONE;
        }
        return () -> {
            if (charging.remove(channelOrderNo, charge)) {
                room.release();
            }
            charge.ended().countDown();
        };
    }

    /** The charge of {@code channelOrderNo} this process is sending now, if any. */
    Optional<Charge> of(String channelOrderNo) {
        return Optional.ofNullable(charging.get(channelOrderNo));
    }

    /** How many charges are registered now. */
    int size() {
        return charging.size();
    }

    /** One charge under way. */
    record Charge(CountDownLatch ended) {

        /**
         * Waits at most {@code bound} for the charge's synchronous part to end.
         *
         * @return true when it ended; false when it is still under way after {@code bound}, or the waiting thread was
         *         interrupted (its interrupt flag set again)
         */
        boolean awaitEnd(Duration bound) {
            try {
                return ended.await(bound.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    /** A charge's place in the registry; closing it (once or more) ends the charge's entry. */
    @FunctionalInterface
    interface Registration extends AutoCloseable {

        /** Nothing registered: nothing to end. */
        Registration NONE = () -> { };

        @Override
        void close();
    }
}
