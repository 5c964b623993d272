package io.paysuite.trade.infra.event;

import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

/**
 * {@code trade_event}, database-sharded by the gene in {@code event_id} or {@code trade_no} (an
 * event id carries its trade's gene; both are sharding columns of the table, see
 * ShardingConfig): every statement names one of them, so ShardingSphere routes it to
 * exactly one physical database.
 */
@Mapper
public interface TradeEventMapper {

    @Insert("INSERT INTO trade_event (event_id, trade_no, event_type, payload, created_at)"
            + " VALUES (#{eventId}, #{tradeNo}, #{eventType}, #{payload}, #{createdAt})")
    int insert(TradeEventDO event);

    /** The committed row, or {@code null}; the broker's check-back is answered from this alone. */
    @Select("SELECT event_id, trade_no, event_type, payload, created_at FROM trade_event WHERE event_id = #{eventId}")
    TradeEventDO findByEventId(String eventId);

    /** A trade's events in commit order; {@code idx_trade_no} serves it within the one database. */
    @Select("SELECT event_id, trade_no, event_type, payload, created_at FROM trade_event WHERE trade_no = #{tradeNo}"
            + " ORDER BY created_at, event_id")
    List<TradeEventDO> findByTradeNo(String tradeNo);
}
