package io.paysuite.member.infra.card;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * At start-up, seals the card tokens of rows written before V3 (clear {@code unionpay_token}, no
 * {@code token_sealed}): fingerprint and seal, the clear column emptied, one compare-and-set per row,
 * so instances starting together seal each row once. Until then those rows still work (found by the
 * clear token); after it no clear token is left in the table.
 */
@Component
public class CardTokenSealer implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CardTokenSealer.class);
    private static final int BATCH = 200;

    private final BoundCardMapper mapper;
    private final CardTokenVault vault;

    public CardTokenSealer(BoundCardMapper mapper, CardTokenVault vault) {
        this.mapper = mapper;
        this.vault = vault;
    }

    @Override
    public void run(ApplicationArguments args) {
        int sealed = sealAll();
        if (sealed > 0) {
            log.info("sealed {} bound-card tokens stored in clear before V3", sealed);
        }
    }

    /** @return how many rows this call sealed */
    int sealAll() {
        int sealed = 0;
        List<BoundCardDO> batch;
        do {
            batch = mapper.listUnsealed(BATCH);
            int before = sealed;
            for (BoundCardDO row : batch) {
                sealed += mapper.seal(row.id, row.unionpayToken, vault.fingerprint(row.buyerId, row.unionpayToken),
                        vault.seal(row.buyerId, row.unionpayToken));
            }
            if (sealed == before) {
                break; // another instance sealed this batch meanwhile
            }
        } while (batch.size() == BATCH);
        return sealed;
    }
}
