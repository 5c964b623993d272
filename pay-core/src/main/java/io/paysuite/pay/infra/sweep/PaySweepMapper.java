package io.paysuite.pay.infra.sweep;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * The janitor's find over the sharded {@code pay_order} tables. It names no sharding column, so
 * ShardingSphere runs it on every physical table and merges (order and limit included); it reads the
 * {@code idx_status_created} range and returns numbers only. Read only: any instance may run it.
 */
@Mapper
public interface PaySweepMapper {

    /** Pay orders still {@code CREATED} or {@code PROCESSING}, opened before {@code before}, oldest first. */
    @Select("SELECT pay_order_no FROM pay_order WHERE status IN ('CREATED', 'PROCESSING') AND created_at < #{before}"
            + " ORDER BY created_at, pay_order_no LIMIT #{limit}")
    List<String> inFlightSince(@Param("before") LocalDateTime before, @Param("limit") int limit);
}
