package io.paysuite.member.infra.buyer;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Table {@code buyer}. */
@Mapper
public interface BuyerMapper {

    String COLUMNS = "id, phone, login_pwd_hash, pay_pwd_hash, nickname, real_name_status, pay_pwd_failures,"
            + " pay_locked_until, created_at, updated_at";

    @Insert("INSERT INTO buyer (phone, login_pwd_hash, pay_pwd_hash, nickname, real_name_status, pay_pwd_failures,"
            + " pay_locked_until, created_at, updated_at) VALUES (#{phone}, #{loginPwdHash}, #{payPwdHash}, #{nickname},"
            + " #{realNameStatus}, 0, NULL, #{createdAt}, #{updatedAt})")
    @Options(useGeneratedKeys = true, keyProperty = "id", keyColumn = "id")
    int insert(BuyerDO row);

    @Select("SELECT " + COLUMNS + " FROM buyer WHERE phone = #{phone}")
    BuyerDO findByPhone(String phone);

    @Select("SELECT " + COLUMNS + " FROM buyer WHERE id = #{id}")
    BuyerDO findById(long id);

    /**
     * One wrong payment password, counted in place so that no concurrent attempt is lost.
     * {@code pay_locked_until} is assigned FIRST on purpose: MySQL and MariaDB evaluate single-table
     * UPDATE assignments left to right, each seeing the columns already assigned, so listing the
     * counter first would make the lock test see the incremented value. In this order the test
     * reads the old counter under both left-to-right and simultaneous assignment. A lock in force is
     * kept as it is (attempts during it are counted, not rewarded with a longer lock).
     */
    @Update("UPDATE buyer SET"
            + " pay_locked_until = CASE WHEN (pay_locked_until IS NULL OR pay_locked_until <= #{now})"
            + "   AND pay_pwd_failures + 1 >= #{maxFailures} THEN #{lockUntil} ELSE pay_locked_until END,"
            + " pay_pwd_failures = pay_pwd_failures + 1,"
            + " updated_at = #{now}"
            + " WHERE id = #{id}")
    int countWrongPayPassword(@Param("id") long id, @Param("maxFailures") int maxFailures,
                              @Param("lockUntil") LocalDateTime lockUntil, @Param("now") LocalDateTime now);

    /** Only while the expired lock is still there: a second clear must not wipe newer counts. */
    @Update("UPDATE buyer SET pay_pwd_failures = 0, pay_locked_until = NULL, updated_at = #{now}"
            + " WHERE id = #{id} AND pay_locked_until <= #{now}")
    int clearExpiredLock(@Param("id") long id, @Param("now") LocalDateTime now);

    /** After a right password; refuses (0 rows) when a lock started meanwhile. */
    @Update("UPDATE buyer SET pay_pwd_failures = 0, pay_locked_until = NULL, updated_at = #{now}"
            + " WHERE id = #{id} AND (pay_locked_until IS NULL OR pay_locked_until <= #{now})")
    int resetPayFailures(@Param("id") long id, @Param("now") LocalDateTime now);

    /** Compare-and-set on the old hash: a password changed meanwhile keeps its newer hash. */
    @Update("UPDATE buyer SET pay_pwd_hash = #{newHash}, updated_at = #{now} WHERE id = #{id} AND pay_pwd_hash = #{expectedHash}")
    int replacePayPasswordHash(@Param("id") long id, @Param("expectedHash") String expectedHash, @Param("newHash") String newHash,
                               @Param("now") LocalDateTime now);
}
