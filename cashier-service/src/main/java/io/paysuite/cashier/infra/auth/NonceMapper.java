package io.paysuite.cashier.infra.auth;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

/** {@code api_nonce}: one row per claimed (app, nonce), its primary key. */
@Mapper
public interface NonceMapper {

    /** Rows removed per purge statement, so a large backlog never holds a long lock. */
    int PURGE_BATCH = 5000;

    @Insert("INSERT INTO api_nonce (app_id, nonce, expires_at) VALUES (#{appId}, #{nonce}, #{expiresAt})")
    int insert(@Param("appId") String appId, @Param("nonce") String nonce, @Param("expiresAt") LocalDateTime expiresAt);

    @Delete("DELETE FROM api_nonce WHERE app_id = #{appId} AND nonce = #{nonce} AND expires_at <= #{now}")
    int deleteExpired(@Param("appId") String appId, @Param("nonce") String nonce, @Param("now") LocalDateTime now);

    @Delete("DELETE FROM api_nonce WHERE expires_at <= #{now} LIMIT " + PURGE_BATCH)
    int purge(@Param("now") LocalDateTime now);
}
