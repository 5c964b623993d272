package io.paysuite.cashier.api.auth;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.cashier.config.CashierProperties;
import io.paysuite.kit.jdbc.DuplicateKey;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * API.md: a {@code nonce_str} may be used once per app within 15 minutes, across every
 * cashier-service instance. The claim is an insert into {@code api_nonce} whose primary key is
 * (app, nonce): the database, shared by all instances, decides who used it first, with no window
 * between a check and a write. Expired rows are purged in small batches.
 */
@Component
public class NonceStore {

    private static final Logger log = LoggerFactory.getLogger(NonceStore.class);
    private static final int PURGE_BATCH = 5000;

    @Mapper
    public interface NonceMapper {

        @Insert("INSERT INTO api_nonce (app_id, nonce, expires_at) VALUES (#{appId}, #{nonce}, #{expiresAt})")
        int insert(@Param("appId") String appId, @Param("nonce") String nonce, @Param("expiresAt") LocalDateTime expiresAt);

        @Delete("DELETE FROM api_nonce WHERE app_id = #{appId} AND nonce = #{nonce} AND expires_at <= #{now}")
        int deleteExpired(@Param("appId") String appId, @Param("nonce") String nonce, @Param("now") LocalDateTime now);

        @Delete("DELETE FROM api_nonce WHERE expires_at <= #{now} LIMIT " + PURGE_BATCH)
        int purge(@Param("now") LocalDateTime now);
    }

    private final NonceMapper mapper;
    private final CashierProperties properties;
    private final Clock clock;

    public NonceStore(NonceMapper mapper, CashierProperties properties, Clock clock) {
        this.mapper = mapper;
        this.properties = properties;
        this.clock = clock;
    }

    /** Claims the nonce for this app, or refuses with {@code NONCE_REUSED}. */
    public void claim(String appId, String nonce) {
        LocalDateTime now = LocalDateTime.now(clock.withZone(ZoneOffset.UTC));
        LocalDateTime expires = now.plus(properties.api().nonceTtl());
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
        } while (purged == PURGE_BATCH);
        if (purged > 0) {
            log.debug("purged expired nonces");
        }
    }
}
