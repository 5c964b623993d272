package io.paysuite.cashier.infra.ops;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** {@code ops_operator} and {@code ops_session}; times are UTC. */
@Mapper
public interface OpsConsoleMapper {

    record OperatorDO(String loginName, String displayName, String role, String passwordHash, String status, int failedLogins,
                      LocalDateTime lockedUntil, LocalDateTime createdAt, String createdBy, LocalDateTime updatedAt) {
    }

    record SessionDO(String sessionHash, String loginName, String csrfToken, LocalDateTime createdAt, LocalDateTime lastSeenAt,
                     LocalDateTime idleExpiresAt, LocalDateTime expiresAt, LocalDateTime endedAt) {
    }

    String OPERATOR_COLUMNS = "login_name, display_name, role, password_hash, status, failed_logins, locked_until, created_at,"
            + " created_by, updated_at";
    String SESSION_COLUMNS = "session_hash, login_name, csrf_token, created_at, last_seen_at, idle_expires_at, expires_at, ended_at";

    @Select("SELECT " + OPERATOR_COLUMNS + " FROM ops_operator WHERE login_name = #{loginName}")
    OperatorDO findOperator(@Param("loginName") String loginName);

    @Select("SELECT " + OPERATOR_COLUMNS + " FROM ops_operator ORDER BY login_name LIMIT 1000")
    List<OperatorDO> operators();

    @Insert("INSERT INTO ops_operator (" + OPERATOR_COLUMNS + ") VALUES (#{o.loginName}, #{o.displayName}, #{o.role},"
            + " #{o.passwordHash}, #{o.status}, #{o.failedLogins}, #{o.lockedUntil}, #{o.createdAt}, #{o.createdBy}, #{o.updatedAt})")
    int insertOperator(@Param("o") OperatorDO operator);

    @Update("UPDATE ops_operator SET failed_logins = #{failed}, locked_until = #{lockedUntil}, updated_at = #{now}"
            + " WHERE login_name = #{loginName}")
    int failedLogin(@Param("loginName") String loginName, @Param("failed") int failed, @Param("lockedUntil") LocalDateTime lockedUntil,
                    @Param("now") LocalDateTime now);

    @Update("UPDATE ops_operator SET failed_logins = 0, locked_until = NULL, updated_at = #{now} WHERE login_name = #{loginName}")
    int loggedIn(@Param("loginName") String loginName, @Param("now") LocalDateTime now);

    @Update("UPDATE ops_operator SET role = #{role}, status = #{status}, updated_at = #{now} WHERE login_name = #{loginName}")
    int change(@Param("loginName") String loginName, @Param("role") String role, @Param("status") String status,
               @Param("now") LocalDateTime now);

    @Update("UPDATE ops_operator SET password_hash = #{hash}, failed_logins = 0, locked_until = NULL, updated_at = #{now}"
            + " WHERE login_name = #{loginName}")
    int changePassword(@Param("loginName") String loginName, @Param("hash") String hash, @Param("now") LocalDateTime now);

    @Insert("INSERT INTO ops_session (" + SESSION_COLUMNS + ") VALUES (#{s.sessionHash}, #{s.loginName}, #{s.csrfToken},"
            + " #{s.createdAt}, #{s.lastSeenAt}, #{s.idleExpiresAt}, #{s.expiresAt}, #{s.endedAt})")
    int insertSession(@Param("s") SessionDO session);

    @Select("SELECT " + SESSION_COLUMNS + " FROM ops_session WHERE session_hash = #{hash}")
    SessionDO findSession(@Param("hash") String hash);

    @Update("UPDATE ops_session SET last_seen_at = #{seen}, idle_expires_at = #{idle} WHERE session_hash = #{hash} AND ended_at IS NULL")
    int touch(@Param("hash") String hash, @Param("seen") LocalDateTime seen, @Param("idle") LocalDateTime idle);

    @Update("UPDATE ops_session SET ended_at = #{now} WHERE session_hash = #{hash} AND ended_at IS NULL")
    int end(@Param("hash") String hash, @Param("now") LocalDateTime now);

    @Update("UPDATE ops_session SET ended_at = #{now} WHERE login_name = #{loginName} AND ended_at IS NULL")
    int endAll(@Param("loginName") String loginName, @Param("now") LocalDateTime now);
}
