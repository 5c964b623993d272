package io.paysuite.member.infra.card;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Table {@code bound_card}. */
@Mapper
public interface BoundCardMapper {

    String COLUMNS = "id, buyer_id, token_fingerprint, token_sealed, unionpay_token, masked_pan, bank_name, card_type, status,"
            + " created_at, updated_at";

    @Insert("INSERT INTO bound_card (buyer_id, token_fingerprint, token_sealed, masked_pan, bank_name, card_type, status, created_at,"
            + " updated_at) VALUES (#{buyerId}, #{tokenFingerprint}, #{tokenSealed}, #{maskedPan}, #{bankName}, #{cardType}, #{status},"
            + " #{createdAt}, #{updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(BoundCardDO row);

    /** By fingerprint, or by the clear token in a row not sealed yet (written before V3). */
    @Select("SELECT " + COLUMNS + " FROM bound_card WHERE buyer_id = #{buyerId}"
            + " AND (token_fingerprint = #{fingerprint} OR (token_sealed IS NULL AND unionpay_token = #{token}))"
            + " ORDER BY id LIMIT 1")
    BoundCardDO findByToken(@Param("buyerId") String buyerId, @Param("fingerprint") String fingerprint, @Param("token") String token);

    /** Rows still holding a clear token (idx_bound_card_clear_token: no table scan at every start). */
    @Select("SELECT " + COLUMNS + " FROM bound_card WHERE unionpay_token IS NOT NULL LIMIT #{limit}")
    List<BoundCardDO> listUnsealed(int limit);

    /** Seals a row from before V3: compare-and-set on the clear token, which it empties. */
    @Update("UPDATE bound_card SET token_fingerprint = #{fingerprint}, token_sealed = #{sealed}, unionpay_token = NULL"
            + " WHERE id = #{id} AND token_sealed IS NULL AND unionpay_token = #{token}")
    int seal(@Param("id") long id, @Param("token") String token, @Param("fingerprint") String fingerprint,
             @Param("sealed") String sealed);

    @Select("SELECT " + COLUMNS + " FROM bound_card WHERE id = #{id}")
    BoundCardDO findById(long id);

    @Select("SELECT " + COLUMNS + " FROM bound_card WHERE buyer_id = #{buyerId} AND status = #{status} ORDER BY id")
    List<BoundCardDO> listByStatus(@Param("buyerId") String buyerId, @Param("status") String status);

    @Update("UPDATE bound_card SET status = #{to}, updated_at = #{now} WHERE id = #{id} AND status = #{from}")
    int transition(@Param("id") long id, @Param("from") String from, @Param("to") String to, @Param("now") LocalDateTime now);

    @Update("UPDATE bound_card SET status = 'ACTIVE', bank_name = #{bankName}, card_type = #{cardType}, updated_at = #{now}"
            + " WHERE id = #{id} AND status = 'UNBOUND'")
    int rebind(@Param("id") long id, @Param("bankName") String bankName, @Param("cardType") String cardType,
               @Param("now") LocalDateTime now);
}
