package io.paysuite.pay.infra.activity;

import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayMinuteCountDTO;
import io.paysuite.pay.activity.PayActivity;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Pay orders per minute over the sharded {@code pay_order} tables. It names no sharding column, so ShardingSphere runs
 * it on every physical table and merges the groups (summing the counts); each table reads its
 * {@code idx_status_created} range per status. Times are UTC. Read only.
 */
@Mapper
public interface PayActivityMapper extends PayActivity.PayMinuteCounts {

    record MinuteRow(String bucket, String method, String channel, String status, long payOrders) {
    }

    @Select("SELECT DATE_FORMAT(created_at, '%Y-%m-%d %H:%i') AS bucket, method, channel, status, COUNT(*) AS pay_orders"
            + " FROM pay_order WHERE status IN ('CREATED', 'PROCESSING', 'SUCCESS', 'FAILED') AND created_at >= #{since}"
            + " GROUP BY bucket, method, channel, status ORDER BY bucket, method, channel, status")
    List<MinuteRow> countsSince(@Param("since") LocalDateTime since);

    @Override
    default List<PayMinuteCountDTO> since(Instant since) {
        return countsSince(LocalDateTime.ofInstant(since, ZoneOffset.UTC)).stream()
                .map(r -> new PayMinuteCountDTO(LocalDateTime.parse(r.bucket().replace(' ', 'T')).toInstant(ZoneOffset.UTC),
                        PayMethod.valueOf(r.method()), r.channel(), r.status(), r.payOrders()))
                .toList();
    }
}
