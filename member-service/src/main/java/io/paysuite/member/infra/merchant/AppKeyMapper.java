package io.paysuite.member.infra.merchant;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Table {@code app_key} (with {@code merchant_app} and {@code merchant} for who owns a key). */
@Mapper
public interface AppKeyMapper {

    String SELECT_KEY = "SELECT a.merchant_id, k.app_id, k.serial_no, k.public_key_pem, k.valid_from, k.valid_until,"
            + " k.status, k.created_at FROM app_key k JOIN merchant_app a ON a.app_id = k.app_id";

    @Insert("INSERT INTO app_key (app_id, serial_no, public_key_pem, valid_from, valid_until, status, created_at)"
            + " VALUES (#{appId}, #{serialNo}, #{publicKeyPem}, #{validFrom}, #{validUntil}, 'ACTIVE', #{createdAt})")
    int insert(AppKeyDO row);

    @Update("UPDATE app_key SET valid_until = #{until} WHERE app_id = #{appId} AND serial_no <> #{keep} AND status = 'ACTIVE'"
            + " AND (valid_until IS NULL OR valid_until > #{until})")
    int retireOthers(@Param("appId") String appId, @Param("keep") String keepSerialNo, @Param("until") java.time.LocalDateTime until);

    @Select(SELECT_KEY + " WHERE k.serial_no = #{serialNo}")
    AppKeyDO findBySerialNo(String serialNo);

    @Select(SELECT_KEY + " JOIN merchant m ON m.merchant_id = a.merchant_id"
            + " WHERE k.app_id = #{appId} AND k.serial_no = #{serialNo}"
            + " AND k.status = 'ACTIVE' AND a.status = 'ACTIVE' AND m.enabled = 1")
    AppKeyDO findUsable(@Param("appId") String appId,
                        @Param("serialNo") String serialNo);

    @Select("SELECT a.merchant_id FROM merchant_app a JOIN merchant m ON m.merchant_id = a.merchant_id"
            + " WHERE a.app_id = #{appId} AND a.status = 'ACTIVE' AND m.enabled = 1")
    String merchantOfUsableApp(String appId);
}
