package io.paysuite.member.infra.promotion;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tables {@code coupon_template}, {@code coupon} and {@code coupon_use}. */
@Mapper
public interface CouponMapper {

    String TERMS = "name, kind, amount_minor, percent_off, cap_minor, min_spend_minor, currency, valid_from, valid_until,"
            + " funded_by, merchant_id";
    String TERMS_VALUES = "#{name}, #{kind}, #{amountMinor}, #{percentOff}, #{capMinor}, #{minSpendMinor}, #{currency},"
            + " #{validFrom}, #{validUntil}, #{fundedBy}, #{merchantId}";
    String COUPON = "id, template_id, buyer_id, request_no, " + TERMS + ", status, use_key, trade_no, created_at, updated_at";
    String USE = "id, coupon_id, use_key, trade_no, discount_minor, currency, status, created_at, updated_at";

    @Insert("INSERT INTO coupon_template (request_no, " + TERMS + ", created_at) VALUES (#{requestNo}, " + TERMS_VALUES
            + ", #{createdAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insertTemplate(CouponTemplateDO row);

    @Select("SELECT id, request_no, " + TERMS + ", created_at FROM coupon_template WHERE id = #{id}")
    CouponTemplateDO findTemplate(long id);

    @Select("SELECT id, request_no, " + TERMS + ", created_at FROM coupon_template WHERE request_no = #{requestNo}")
    CouponTemplateDO findTemplateByRequestNo(String requestNo);

    @Insert("INSERT INTO coupon (template_id, buyer_id, request_no, " + TERMS + ", status, created_at, updated_at)"
            + " VALUES (#{templateId}, #{buyerId}, #{requestNo}, " + TERMS_VALUES + ", #{status}, #{createdAt}, #{updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insertCoupon(CouponDO row);

    @Select("SELECT " + COUPON + " FROM coupon WHERE id = #{id}")
    CouponDO findCoupon(long id);

    @Select("SELECT " + COUPON + " FROM coupon WHERE request_no = #{requestNo}")
    CouponDO findCouponByRequestNo(String requestNo);

    @Select("SELECT " + COUPON + " FROM coupon WHERE buyer_id = #{buyerId} ORDER BY id DESC LIMIT 200")
    List<CouponDO> listByBuyer(String buyerId);

    /** The freeze's compare-and-set: only an AVAILABLE coupon takes a holder. */
    @Update("UPDATE coupon SET status = 'FROZEN', use_key = #{useKey}, trade_no = #{tradeNo}, updated_at = #{now}"
            + " WHERE id = #{id} AND status = 'AVAILABLE'")
    int hold(@Param("id") long id, @Param("useKey") String useKey, @Param("tradeNo") String tradeNo,
             @Param("now") LocalDateTime now);

    /** A held coupon moves only for its holder's key; back to AVAILABLE it loses the holder. */
    @Update("UPDATE coupon SET status = #{to}, updated_at = #{now},"
            + " use_key = CASE WHEN #{to} = 'AVAILABLE' THEN NULL ELSE use_key END,"
            + " trade_no = CASE WHEN #{to} = 'AVAILABLE' THEN NULL ELSE trade_no END"
            + " WHERE id = #{id} AND status = #{from} AND use_key = #{useKey}")
    int moveHeld(@Param("id") long id, @Param("useKey") String useKey, @Param("from") String from, @Param("to") String to,
                 @Param("now") LocalDateTime now);

    @Update("UPDATE coupon SET status = #{to}, updated_at = #{now} WHERE id = #{id} AND status = #{from}")
    int transition(@Param("id") long id, @Param("from") String from, @Param("to") String to, @Param("now") LocalDateTime now);

    @Insert("INSERT INTO coupon_use (coupon_id, use_key, trade_no, discount_minor, currency, status, created_at, updated_at)"
            + " VALUES (#{couponId}, #{useKey}, #{tradeNo}, #{discountMinor}, #{currency}, #{status}, #{createdAt}, #{updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insertUse(CouponUseDO row);

    @Select("SELECT " + USE + " FROM coupon_use WHERE coupon_id = #{couponId} AND use_key = #{useKey}")
    CouponUseDO findUse(@Param("couponId") long couponId, @Param("useKey") String useKey);

    @Update("UPDATE coupon_use SET status = #{to}, updated_at = #{now}"
            + " WHERE coupon_id = #{couponId} AND use_key = #{useKey} AND status = #{from}")
    int moveUse(@Param("couponId") long couponId, @Param("useKey") String useKey, @Param("from") String from,
                @Param("to") String to, @Param("now") LocalDateTime now);
}
