package io.paysuite.member.infra.promotion;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * Tables {@code points_account}, {@code points_use} and {@code points_movement}. The account's UPDATEs
 * carry their own conditions, so a concurrent use can never take a balance below zero: a miss is 0 rows.
 */
@Mapper
public interface PointsMapper {

    String USE = "id, use_key, buyer_id, trade_no, points, value_minor, currency, status, created_at, updated_at";

    @Select("SELECT buyer_id, available, frozen FROM points_account WHERE buyer_id = #{buyerId}")
    PointsAccountDO findAccount(String buyerId);

    @Insert("INSERT INTO points_account (buyer_id, available, frozen, created_at, updated_at)"
            + " VALUES (#{buyerId}, #{points}, 0, #{now}, #{now})"
            + " ON DUPLICATE KEY UPDATE available = available + #{points}, updated_at = #{now}")
    int credit(@Param("buyerId") String buyerId, @Param("points") long points, @Param("now") LocalDateTime now);

    /** Earned points leave the account, only when that many are available: it never goes below zero. */
    @Update("UPDATE points_account SET available = available - #{points}, updated_at = #{now}"
            + " WHERE buyer_id = #{buyerId} AND available >= #{points}")
    int debitAvailable(@Param("buyerId") String buyerId, @Param("points") long points, @Param("now") LocalDateTime now);

    /** available → frozen, only when that many are available. */
    @Update("UPDATE points_account SET available = available - #{points}, frozen = frozen + #{points}, updated_at = #{now}"
            + " WHERE buyer_id = #{buyerId} AND available >= #{points}")
    int freeze(@Param("buyerId") String buyerId, @Param("points") long points, @Param("now") LocalDateTime now);

    /** Frozen points leave: spent ({@code toAvailable} false) or made available again (true). */
    @Update("UPDATE points_account SET frozen = frozen - #{points},"
            + " available = available + CASE WHEN #{toAvailable} THEN #{points} ELSE 0 END, updated_at = #{now}"
            + " WHERE buyer_id = #{buyerId} AND frozen >= #{points}")
    int unfreeze(@Param("buyerId") String buyerId, @Param("points") long points, @Param("toAvailable") boolean toAvailable,
                 @Param("now") LocalDateTime now);

    @Insert("INSERT INTO points_use (use_key, buyer_id, trade_no, points, value_minor, currency, status, created_at, updated_at)"
            + " VALUES (#{useKey}, #{buyerId}, #{tradeNo}, #{points}, #{valueMinor}, #{currency}, #{status}, #{createdAt},"
            + " #{updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insertUse(PointsUseDO row);

    @Select("SELECT " + USE + " FROM points_use WHERE use_key = #{useKey}")
    PointsUseDO findUse(String useKey);

    @Update("UPDATE points_use SET status = #{to}, updated_at = #{now} WHERE use_key = #{useKey} AND status = #{from}")
    int moveUse(@Param("useKey") String useKey, @Param("from") String from, @Param("to") String to,
                @Param("now") LocalDateTime now);

    @Insert("INSERT INTO points_movement (buyer_id, kind, movement_key, available_delta, frozen_delta, reason, created_at)"
            + " VALUES (#{buyerId}, #{kind}, #{key}, #{availableDelta}, #{frozenDelta}, #{reason}, #{now})")
    int insertMovement(@Param("buyerId") String buyerId, @Param("kind") String kind, @Param("key") String key,
                       @Param("availableDelta") long availableDelta, @Param("frozenDelta") long frozenDelta,
                       @Param("reason") String reason, @Param("now") LocalDateTime now);
}
