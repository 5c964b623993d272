package io.paysuite.member.infra.merchant;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tables {@code merchant} and {@code merchant_app}. */
@Mapper
public interface MerchantMapper {

    String COLUMNS = "id, merchant_id, name, real_name_status, enabled, request_no, request_digest, onboard_app_id,"
            + " onboard_serial_no, created_at, updated_at";

    /**
     * {@code merchant_id} may be null here: {@link #numberMerchant} fills it in the same transaction,
     * so no other transaction ever sees a merchant without its id.
     */
    @Insert("INSERT INTO merchant (merchant_id, name, real_name_status, enabled, request_no, request_digest,"
            + " onboard_app_id, onboard_serial_no, created_at, updated_at) VALUES (#{merchantId}, #{name},"
            + " #{realNameStatus}, #{enabled}, #{requestNo}, #{requestDigest}, #{onboardAppId}, #{onboardSerialNo},"
            + " #{createdAt}, #{updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insertMerchant(MerchantDO row);

    @Update("UPDATE merchant SET merchant_id = #{merchantId} WHERE id = #{id} AND merchant_id IS NULL")
    int numberMerchant(@Param("id") long id, @Param("merchantId") String merchantId);

    @Insert("INSERT INTO merchant_app (app_id, merchant_id, status, created_at) VALUES (#{appId}, #{merchantId},"
            + " 'ACTIVE', #{createdAt})")
    int insertApp(@Param("appId") String appId, @Param("merchantId") String merchantId,
                  @Param("createdAt") LocalDateTime createdAt);

    @Select("SELECT " + COLUMNS + " FROM merchant WHERE request_no = #{requestNo}")
    MerchantDO findByRequestNo(String requestNo);

    @Select("SELECT " + COLUMNS + " FROM merchant WHERE merchant_id = #{merchantId}")
    MerchantDO findByMerchantId(String merchantId);

    @Select("SELECT COUNT(*) FROM merchant_app WHERE app_id = #{appId}")
    int countApps(String appId);
}
