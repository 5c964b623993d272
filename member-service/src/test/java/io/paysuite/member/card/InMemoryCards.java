package io.paysuite.member.card;

import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardType;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link BoundCardRepository} in memory with the SQL's semantics: (buyer, token) is a unique key
 * compared case-sensitively, and status changes are compare-and-set.
 */
final class InMemoryCards implements BoundCardRepository {

    private final Map<Long, BoundCard> byNumber = new ConcurrentHashMap<>();
    private final AtomicLong numbers = new AtomicLong(10_000_000);
    /** Set by tests to simulate a binding that wins the race between find and insert. */
    Runnable beforeInsert = () -> { };

    @Override
    public synchronized Optional<BoundCard> insert(NewCard c) {
        beforeInsert.run();
        if (findByToken(c.buyerId(), c.unionpayToken()).isPresent()) {
            return Optional.empty();
        }
        BoundCard card = new BoundCard(numbers.incrementAndGet(), c.buyerId(), c.unionpayToken(), c.maskedPan(), c.bankName(),
                c.cardType(), CardStatus.ACTIVE, c.createdAt());
        byNumber.put(card.number(), card);
        return Optional.of(card);
    }

    @Override
    public Optional<BoundCard> findByToken(String buyerId, String unionpayToken) {
        return byNumber.values().stream()
                .filter(c -> c.buyerId().equals(buyerId) && c.unionpayToken().equals(unionpayToken))
                .findFirst();
    }

    @Override
    public Optional<BoundCard> findByNumber(long number) {
        return Optional.ofNullable(byNumber.get(number));
    }

    @Override
    public List<BoundCard> listActive(String buyerId) {
        return byNumber.values().stream().filter(c -> c.buyerId().equals(buyerId) && c.isActive())
                .sorted(Comparator.comparingLong(BoundCard::number)).toList();
    }

    @Override
    public synchronized boolean transition(long number, CardStatus from, CardStatus to, Instant now) {
        BoundCard c = byNumber.get(number);
        if (c == null || c.status() != from) {
            return false;
        }
        byNumber.put(number, new BoundCard(c.number(), c.buyerId(), c.unionpayToken(), c.maskedPan(), c.bankName(), c.cardType(),
                to, c.createdAt()));
        return true;
    }

    @Override
    public synchronized boolean rebind(long number, String bankName, CardType cardType, Instant now) {
        BoundCard c = byNumber.get(number);
        if (c == null || c.status() != CardStatus.UNBOUND) {
            return false;
        }
        byNumber.put(number, new BoundCard(c.number(), c.buyerId(), c.unionpayToken(), c.maskedPan(), bankName, cardType,
                CardStatus.ACTIVE, c.createdAt()));
        return true;
    }
}
