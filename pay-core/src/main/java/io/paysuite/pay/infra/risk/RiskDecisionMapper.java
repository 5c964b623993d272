package io.paysuite.pay.infra.risk;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** Table {@code risk_decision} (a ShardingSphere single table in ds_0, see ShardingConfig). */
@Mapper
public interface RiskDecisionMapper {

    String COLUMNS = "trade_no, request_no, buyer_id, merchant_id, method, amount_minor, currency, verdict, fired_rules,"
            + " failed_rules, inputs, decided_at";

    @Insert("INSERT INTO risk_decision (" + COLUMNS + ") VALUES (#{tradeNo}, #{requestNo}, #{buyerId}, #{merchantId},"
            + " #{method}, #{amountMinor}, #{currency}, #{verdict}, #{firedRules}, #{failedRules}, #{inputs}, #{decidedAt})")
    int insert(RiskDecisionDO row);

    /** Uses {@code idx_trade}: a trade has a handful of decisions. */
    @Select("SELECT COUNT(*) FROM risk_decision WHERE trade_no = #{tradeNo} AND request_no = #{requestNo}"
            + " AND buyer_id = #{buyerId} AND method = #{method} AND verdict = 'REVIEW' AND decided_at >= #{since}")
    int reviews(@Param("tradeNo") String tradeNo, @Param("requestNo") String requestNo, @Param("buyerId") String buyerId,
                @Param("method") String method, @Param("since") LocalDateTime since);

    @Select("<script>SELECT id, " + COLUMNS + " FROM risk_decision <where>"
            + "<if test='buyerId != null'>AND buyer_id = #{buyerId} </if>"
            + "<if test='merchantId != null'>AND merchant_id = #{merchantId} </if>"
            + "<if test='tradeNo != null'>AND trade_no = #{tradeNo} </if>"
            + "<if test='action != null'>AND verdict = #{action} </if>"
            + "</where> ORDER BY id DESC LIMIT #{limit}</script>")
    List<RiskDecisionDO> recent(@Param("buyerId") String buyerId, @Param("merchantId") String merchantId,
                                @Param("tradeNo") String tradeNo, @Param("action") String action, @Param("limit") int limit);
}
