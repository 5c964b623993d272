package io.paysuite.cashier.infra.auth;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.cashier.api.auth.Nonces;
import io.paysuite.cashier.api.auth.OpenApiProperties;
import io.paysuite.kit.jdbc.DuplicateKey;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * docs/api/API.md: a {@code nonce_str} may be used once per app within 15 minutes, across every
 * cashier-service instance. The claim is an insert into {@code api_nonce} whose primary key is
 * (app, nonce): the database, shared by all instances, decides who used it first, with no window
 * between a check and a write. Expired rows are purged in small batches.
 */
@Component
public class NonceStore implements Nonces {

    private static final Logger log = LoggerFactory.getLogger(NonceStore.class);

    private final NonceMapper mapper;
    private final OpenApiProperties properties;
    private final Clock clock;

    public NonceStore(NonceMapper mapper, OpenApiProperties properties, Clock clock) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public void claim(String appId, String nonce) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        LocalDateTime expires = now.plus(properties.nonceTtl());
        if (DuplicateKey.inserted(() -> mapper.insert(appId, nonce, expires))) {
            return;
        }
        // a row the purge has not reached yet may have expired: then the nonce is free again
        if (mapper.deleteExpired(appId, nonce, now) == 0
                || !DuplicateKey.inserted(() -> mapper.insert(appId, nonce, expires))) {
            throw new BizException(ErrorCode.NONCE_REUSED, "nonce_str was already used");
        }
    }

    @Scheduled(fixedDelayString = "60s", initialDelayString = "30s")
    public void purgeExpired() {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        int purged;
        do {
            purged = mapper.purge(now);
        } while (purged == NonceMapper.PURGE_BATCH);
        if (purged > 0) {
            log.debug("purged expired nonces");
        }
    }
}
