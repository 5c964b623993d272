package io.paysuite.trade.infra.event;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/**
 * {@code trade_event}, database-sharded by the gene in {@code event_id}: both statements name
 * the event id, so ShardingSphere routes each to exactly one physical database.
 */
@Mapper
public interface TradeEventMapper {

    @Insert("INSERT INTO trade_event (event_id, trade_no, event_type, payload, created_at)"
            + " VALUES (#{eventId}, #{tradeNo}, #{eventType}, #{payload}, #{createdAt})")
    int insert(TradeEventDO event);

    /** The committed row, or {@code null}; the broker's check-back is answered from this alone. */
    @Select("SELECT event_id, trade_no, event_type, payload, created_at FROM trade_event WHERE event_id = #{eventId}")
    TradeEventDO findByEventId(String eventId);
}
