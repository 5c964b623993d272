package io.paysuite.trade.infra.event;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/**
 * {@code trade_event}, database-sharded by the gene in {@code event_id} or {@code trade_no} (an
 * event id carries its trade's gene; both are sharding columns of the table, see
 * ShardingConfig): every statement names one of them, so ShardingSphere routes it to
 * exactly one physical database — except {@link #findUnpublished}, the janitor's sweep, which reads
 * every database and merges.
 */
@Mapper
public interface TradeEventMapper {

    @Insert("INSERT INTO trade_event (event_id, trade_no, event_type, payload, created_at, trace_id)"
            + " VALUES (#{eventId}, #{tradeNo}, #{eventType}, #{payload}, #{createdAt}, #{traceId})")
    int insert(TradeEventDO event);

    /** A trail-only event's row: no message is sent for it, so it is published (for the janitor) as it is written. */
    @Insert("INSERT INTO trade_event (event_id, trade_no, event_type, payload, created_at, trace_id, published_at)"
            + " VALUES (#{eventId}, #{tradeNo}, #{eventType}, #{payload}, #{createdAt}, #{traceId}, #{createdAt})")
    int insertPublished(TradeEventDO event);

    /** The committed row, or {@code null}; the broker's check-back is answered from this alone. */
    @Select("SELECT event_id, trade_no, event_type, payload, created_at, trace_id FROM trade_event WHERE event_id = #{eventId}")
    TradeEventDO findByEventId(String eventId);

    /** A trade's events in commit order; {@code idx_trade_no} serves it within the one database. */
    @Select("SELECT event_id, trade_no, event_type, payload, created_at, trace_id FROM trade_event WHERE trade_no = #{tradeNo}"
            + " ORDER BY created_at, event_id")
    List<TradeEventDO> findByTradeNo(String tradeNo);

    /**
     * Marks the event published: the broker took its commit (the producer's answer or a check-back's),
     * or the janitor's republish was stored. Only the first mark counts; a repeat changes nothing.
     */
    @Update("UPDATE trade_event SET published_at = #{at} WHERE event_id = #{eventId} AND published_at IS NULL")
    int markPublished(@Param("eventId") String eventId, @Param("at") LocalDateTime at);

    /**
     * {@link #markPublished} for many events at once ({@link PublishedMarks}): the list routes to the
     * databases its ids' genes name, one statement each.
     */
    @Update("<script>UPDATE trade_event SET published_at = #{at} WHERE published_at IS NULL AND event_id IN"
            + "<foreach collection='eventIds' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    int markAllPublished(@Param("eventIds") List<String> eventIds, @Param("at") LocalDateTime at);

    /**
     * Committed events never marked published, created before {@code before}, oldest first: those the
     * broker may have dropped. Reads every database ({@code idx_unpublished}); read only, any instance.
     */
    @Select("SELECT event_id FROM trade_event WHERE published_at IS NULL AND created_at < #{before}"
            + " ORDER BY created_at, event_id LIMIT #{limit}")
    List<String> findUnpublished(@Param("before") LocalDateTime before, @Param("limit") int limit);
}
