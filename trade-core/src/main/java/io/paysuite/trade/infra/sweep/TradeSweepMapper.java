package io.paysuite.trade.infra.sweep;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * The janitor's finds over trade-core's sharded tables. The finds name no sharding column, so
 * ShardingSphere runs them on every physical table and merges (order and limit included); each reads
 * one index range ({@code idx_status_updated}, {@code idx_status_created}) and returns numbers only.
 * They are read only: any instance may run them at any time.
 */
@Mapper
public interface TradeSweepMapper {

    /** Trades {@code PAYING} since before {@code before} (beginPay stamps updated_at), oldest first. */
    @Select("SELECT trade_no FROM trade_order WHERE status = 'PAYING' AND updated_at < #{before}"
            + " ORDER BY updated_at, trade_no LIMIT #{limit}")
    List<String> payingSince(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /**
     * Trades still {@code WAIT_PAY} whose expiry passed before {@code before}: their expiry timer was lost (a
     * broker that lost it, an arm a crash lost in its grace ({@code ExpiryArming}), or a close that a crash cut
     * short after the trade was given back). Reads
     * {@code idx_status_expire}.
     */
    @Select("SELECT trade_no FROM trade_order WHERE status = 'WAIT_PAY' AND time_expire < #{before}"
            + " ORDER BY time_expire, trade_no LIMIT #{limit}")
    List<String> expiredUnpaidSince(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** Refunds still {@code PROCESSING}, accepted before {@code before}, oldest first. */
    @Select("SELECT refund_no FROM refund_order WHERE status = 'PROCESSING' AND created_at < #{before}"
            + " ORDER BY created_at, refund_no LIMIT #{limit}")
    List<String> processingRefundsSince(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** Guarantee trades confirmed ({@code FINISHED}) before {@code before} whose escrow release the ledger never answered. */
    @Select("SELECT trade_no FROM trade_order WHERE status = 'FINISHED' AND released_at IS NULL AND updated_at < #{before}"
            + " ORDER BY updated_at, trade_no LIMIT #{limit}")
    List<String> unreleasedSince(@Param("before") LocalDateTime before, @Param("limit") int limit);

    /** The ledger answered the trade's release (posted, nothing held, or refused for good); the first mark counts. */
    @Update("UPDATE trade_order SET released_at = #{at} WHERE trade_no = #{tradeNo} AND released_at IS NULL")
    int markReleased(@Param("tradeNo") String tradeNo, @Param("at") LocalDateTime at);
}
