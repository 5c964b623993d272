package io.paysuite.accounting.infra.journal;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/** {@code merchant_fee_rate}. */
@Mapper
public interface FeeRateMapper {

    @Select("SELECT rate_bps FROM merchant_fee_rate WHERE merchant_id = #{merchantId}")
    Integer rateOf(String merchantId);

    @Insert("INSERT INTO merchant_fee_rate (merchant_id, rate_bps, updated_at) VALUES (#{merchantId}, #{rateBps}, #{at})"
            + " ON DUPLICATE KEY UPDATE rate_bps = VALUES(rate_bps), updated_at = VALUES(updated_at)")
    int upsert(@Param("merchantId") String merchantId, @Param("rateBps") int rateBps, @Param("at") LocalDateTime at);
}
