package io.paysuite.member.infra.card;

import static io.paysuite.member.infra.DbTime.instant;
import static io.paysuite.member.infra.DbTime.utc;

import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardType;
import io.paysuite.kit.jdbc.DuplicateKey;
import io.paysuite.member.card.BoundCard;
import io.paysuite.member.card.BoundCardRepository;
import io.paysuite.member.card.NewCard;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/** {@link BoundCardRepository} over table {@code bound_card} through MyBatis. */
@Repository
public class MyBatisBoundCardRepository implements BoundCardRepository {

    private final BoundCardMapper mapper;
    private final CardTokenVault vault;

    public MyBatisBoundCardRepository(BoundCardMapper mapper, CardTokenVault vault) {
        this.mapper = mapper;
        this.vault = vault;
    }

    @Override
    public Optional<BoundCard> insert(NewCard card) {
        BoundCardDO row = new BoundCardDO();
        row.buyerId = card.buyerId();
        row.tokenFingerprint = vault.fingerprint(card.buyerId(), card.unionpayToken());
        row.tokenSealed = vault.seal(card.buyerId(), card.unionpayToken());
        row.maskedPan = card.maskedPan();
        row.bankName = card.bankName();
        row.cardType = card.cardType().name();
        row.status = CardStatus.ACTIVE.name();
        row.createdAt = utc(card.createdAt());
        row.updatedAt = row.createdAt;
        if (!DuplicateKey.inserted(() -> mapper.insert(row))) {
            return Optional.empty();
        }
        return Optional.of(toCard(row));
    }

    @Override
    public Optional<BoundCard> findByToken(String buyerId, String unionpayToken) {
        return Optional.ofNullable(mapper.findByToken(buyerId, vault.fingerprint(buyerId, unionpayToken), unionpayToken))
                .map(this::toCard);
    }

    @Override
    public Optional<BoundCard> findByNumber(long number) {
        return Optional.ofNullable(mapper.findById(number)).map(this::toCard);
    }

    @Override
    public List<BoundCard> listActive(String buyerId) {
        return mapper.listByStatus(buyerId, CardStatus.ACTIVE.name()).stream().map(this::toCard).toList();
    }

    @Override
    public boolean transition(long number, CardStatus from, CardStatus to, Instant now) {
        return mapper.transition(number, from.name(), to.name(), utc(now)) == 1;
    }

    @Override
    public boolean rebind(long number, String bankName, CardType cardType, Instant now) {
        return mapper.rebind(number, bankName, cardType.name(), utc(now)) == 1;
    }

    private BoundCard toCard(BoundCardDO row) {
        String token = row.tokenSealed != null ? vault.open(row.buyerId, row.tokenSealed) : row.unionpayToken;
        return new BoundCard(row.id, row.buyerId, token, row.maskedPan, row.bankName, CardType.valueOf(row.cardType),
                CardStatus.valueOf(row.status), instant(row.createdAt));
    }
}
