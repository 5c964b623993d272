package io.paysuite.trade.infra.refund;

import io.paysuite.api.refund.RefundMinuteCountDTO;
import io.paysuite.trade.refund.RefundActivity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Refunds per minute over the sharded {@code refund_order} tables. It names no sharding column, so ShardingSphere runs
 * it on every physical table and merges the groups (summing the counts). Each physical table's
 * {@code idx_created_status (created_at, status)} (shard migration V11) covers the query, so a poll reads only the
 * window's index range, not the whole table. Times are UTC. Read only.
 */
@Mapper
public interface RefundActivityMapper extends RefundActivity.RefundMinuteCounts {

    record MinuteRow(String bucket, String status, long refunds) {
    }

    @Select("SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS bucket, status, COUNT(*) AS refunds"
            + " FROM refund_order WHERE created_at >= #{since} GROUP BY bucket, status ORDER BY bucket, status")
    List<MinuteRow> countsSince(@Param("since") LocalDateTime since);

    @Override
    default List<RefundMinuteCountDTO> since(Instant since) {
        return countsSince(LocalDateTime.ofInstant(since, ZoneOffset.UTC)).stream()
                .map(r -> new RefundMinuteCountDTO(LocalDateTime.parse(r.bucket().replace(' ', 'T')).toInstant(ZoneOffset.UTC),
                        r.status(), r.refunds()))
                .toList();
    }
}
