package io.paysuite.cashier.infra.ops;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Options;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

/**
 * {@code ops_audit_log}: insert and read only — the table is append-only, and this mapper has no statement that
 * could change a row (the triggers of V4 would refuse it anyway).
 */
@Mapper
public interface AuditLogMapper {

    record AuditDO(long auditId, LocalDateTime at, String actor, String actorRole, String action, String method, String path,
                   String targetIds, String requestBody, int status, String responseSummary, String beforeState, String afterState,
                   String remoteAddr, String prevHash, String rowHash) {
    }

    /** The row being inserted; {@code auditId} is filled by the database. */
    final class NewRow {
        public Long auditId;
        public final AuditDO row;

        public NewRow(AuditDO row) {
            this.row = row;
        }
    }

    String COLUMNS = "audit_id, at, actor, actor_role, action, method, path, target_ids, request_body, status, response_summary,"
            + " before_state, after_state, remote_addr, prev_hash, row_hash";

    /** The last row's hash, its row locked until the appending transaction ends: appends form one chain. */
    @Select("SELECT row_hash FROM ops_audit_log ORDER BY audit_id DESC LIMIT 1 FOR UPDATE")
    String lastHashForAppend();

    @Insert("INSERT INTO ops_audit_log (at, actor, actor_role, action, method, path, target_ids, request_body, status,"
            + " response_summary, before_state, after_state, remote_addr, prev_hash, row_hash) VALUES (#{row.at}, #{row.actor},"
            + " #{row.actorRole}, #{row.action}, #{row.method}, #{row.path}, #{row.targetIds}, #{row.requestBody}, #{row.status},"
            + " #{row.responseSummary}, #{row.beforeState}, #{row.afterState}, #{row.remoteAddr}, #{row.prevHash}, #{row.rowHash})")
    @Options(useGeneratedKeys = true, keyProperty = "auditId", keyColumn = "audit_id")
    int insert(NewRow row);

    @Select("<script>SELECT " + COLUMNS + " FROM ops_audit_log <where>"
            + "<if test='actor != null'> actor = #{actor}</if><if test='beforeId != null'> AND audit_id &lt; #{beforeId}</if>"
            + "</where> ORDER BY audit_id DESC LIMIT #{limit}</script>")
    List<AuditDO> newest(@Param("actor") String actor, @Param("beforeId") Long beforeId, @Param("limit") int limit);

    @Select("SELECT " + COLUMNS + " FROM ops_audit_log WHERE audit_id > #{afterId} ORDER BY audit_id LIMIT #{limit}")
    List<AuditDO> ascending(@Param("afterId") long afterId, @Param("limit") int limit);
}
