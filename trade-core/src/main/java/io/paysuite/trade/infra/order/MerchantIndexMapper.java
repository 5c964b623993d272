package io.paysuite.trade.infra.order;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * Logic table {@code trade_merchant_index}, sharded by {@code merchant_id}: every statement names
 * it, so each reads or writes one physical table.
 */
@Mapper
public interface MerchantIndexMapper {

    @Insert("INSERT INTO trade_merchant_index (merchant_id, out_trade_no, trade_no, request_digest, created_at)"
            + " VALUES (#{merchantId}, #{outTradeNo}, #{tradeNo}, #{requestDigest}, #{createdAt})")
    int insert(MerchantIndexDO row);

    @Select("SELECT merchant_id, out_trade_no, trade_no, request_digest, created_at FROM trade_merchant_index"
            + " WHERE merchant_id = #{merchantId} AND out_trade_no = #{outTradeNo}")
    MerchantIndexDO find(@Param("merchantId") String merchantId, @Param("outTradeNo") String outTradeNo);
}
