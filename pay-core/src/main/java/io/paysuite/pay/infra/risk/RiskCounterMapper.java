package io.paysuite.pay.infra.risk;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Table {@code risk_counter} (a ShardingSphere single table in ds_0, see ShardingConfig). */
@Mapper
public interface RiskCounterMapper {

    @Select("<script>SELECT counter_key, bucket, cnt, sum_minor FROM risk_counter"
            + " WHERE (counter_key IN <foreach item='k' collection='keys' open='(' separator=',' close=')'>#{k}</foreach>"
            + " AND bucket IN <foreach item='b' collection='buckets' open='(' separator=',' close=')'>#{b}</foreach>)"
            + "<if test='cardPrefix != null'> OR (counter_key LIKE #{cardPrefix} AND bucket = #{today})</if>"
            + "</script>")
    List<RiskCounterDO> read(@Param("keys") List<String> keys, @Param("buckets") List<String> buckets,
                                 @Param("cardPrefix") String cardPrefixLike, @Param("today") String today);

    @Insert("<script>INSERT INTO risk_counter (counter_key, bucket, cnt, sum_minor, updated_at) VALUES "
            + "<foreach item='t' collection='rows' separator=','>(#{t.counterKey}, #{t.bucket}, #{t.cnt}, #{t.sumMinor}, #{at})</foreach>"
            + " ON DUPLICATE KEY UPDATE cnt = cnt + VALUES(cnt), sum_minor = sum_minor + VALUES(sum_minor),"
            + " updated_at = VALUES(updated_at)</script>")
    int add(@Param("rows") List<RiskCounterDO> rows, @Param("at") LocalDateTime at);

    /** One batch of stale buckets, along {@code idx_updated}. */
    @Delete("DELETE FROM risk_counter WHERE updated_at < #{before} ORDER BY updated_at LIMIT #{limit}")
    int removeUpdatedBefore(@Param("before") LocalDateTime before, @Param("limit") int limit);
}
