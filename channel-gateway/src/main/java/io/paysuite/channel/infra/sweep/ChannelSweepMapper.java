package io.paysuite.channel.infra.sweep;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** The janitor's find over {@code channel_order}: read only, one range of {@code idx_channel_order_status_created}. */
@Mapper
public interface ChannelSweepMapper {

    /** Channel orders still {@code CREATED} or {@code PROCESSING}, created before {@code before}, oldest first. */
    @Select("SELECT channel_order_no FROM channel_order WHERE status IN ('CREATED', 'PROCESSING') AND created_at < #{before}"
            + " ORDER BY created_at, channel_order_no LIMIT #{limit}")
    List<String> inFlightSince(@Param("before") LocalDateTime before, @Param("limit") int limit);
}
