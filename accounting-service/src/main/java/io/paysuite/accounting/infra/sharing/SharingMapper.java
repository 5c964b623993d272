package io.paysuite.accounting.infra.sharing;

import java.time.LocalDateTime;
import java.util.List;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tables {@code profit_sharing_order}, {@code profit_sharing_receiver} and {@code profit_sharing_return}. */
@Mapper
public interface SharingMapper {

    String ORDER = "order_no, out_order_no, trade_no, merchant_id, currency, unfreeze, digest, status, created_at, updated_at,"
            + " finished_at";
    String RETURN = "return_no, out_return_no, order_no, merchant_id, receiver_merchant_id, currency, amount, digest, result,"
            + " created_at";

    @Insert("INSERT INTO profit_sharing_order (" + ORDER + ") VALUES (#{orderNo}, #{outOrderNo}, #{tradeNo}, #{merchantId},"
            + " #{currency}, #{unfreeze}, #{digest}, #{status}, #{createdAt}, #{updatedAt}, #{finishedAt})")
    int insertOrder(SharingRows.OrderRow row);

    @Insert("<script>INSERT INTO profit_sharing_receiver (order_no, line_no, merchant_id, amount, description, result) VALUES"
            + " <foreach collection='rows' item='r' separator=','>(#{r.orderNo}, #{r.lineNo}, #{r.merchantId}, #{r.amount},"
            + " #{r.description}, #{r.result})</foreach></script>")
    int insertReceivers(@Param("rows") List<SharingRows.ReceiverRow> rows);

    @Select("SELECT " + ORDER + " FROM profit_sharing_order WHERE order_no = #{orderNo}")
    SharingRows.OrderRow find(String orderNo);

    @Select("SELECT " + ORDER + " FROM profit_sharing_order WHERE merchant_id = #{merchantId} AND out_order_no = #{outOrderNo}")
    SharingRows.OrderRow findByOut(@Param("merchantId") String merchantId, @Param("outOrderNo") String outOrderNo);

    @Select("SELECT order_no, line_no, merchant_id, amount, description, result FROM profit_sharing_receiver"
            + " WHERE order_no = #{orderNo} ORDER BY line_no")
    List<SharingRows.ReceiverRow> receivers(String orderNo);

    /** The compare-and-set of an order's status. */
    @Update("UPDATE profit_sharing_order SET status = #{to}, finished_at = #{at}, updated_at = #{at}"
            + " WHERE order_no = #{orderNo} AND status = #{from}")
    int transition(@Param("orderNo") String orderNo, @Param("from") String from, @Param("to") String to,
                   @Param("at") LocalDateTime at);

    /** The compare-and-set of an order's receivers' results. */
    @Update("UPDATE profit_sharing_receiver SET result = #{to} WHERE order_no = #{orderNo} AND result = #{from}")
    int receiversTo(@Param("orderNo") String orderNo, @Param("from") String from, @Param("to") String to);

    @Select("SELECT COUNT(*) FROM profit_sharing_order WHERE trade_no = #{tradeNo} AND unfreeze = 1")
    int unfreezes(String tradeNo);

    /** Settlement items of the merchant that took the trade's payment or release (settlement's table, read only). */
    @Select("SELECT COUNT(*) FROM settlement_item WHERE merchant_id = #{merchantId} AND biz_no = #{tradeNo}"
            + " AND biz_type IN ('PAYMENT', 'RELEASE')")
    int settledItems(@Param("merchantId") String merchantId, @Param("tradeNo") String tradeNo);

    @Select("SELECT " + ORDER + " FROM profit_sharing_order WHERE status = 'PROCESSING' AND updated_at < #{before}"
            + " ORDER BY updated_at LIMIT #{limit}")
    List<SharingRows.OrderRow> processing(@Param("before") LocalDateTime before, @Param("limit") int limit);

    @Insert("INSERT INTO profit_sharing_return (" + RETURN + ") VALUES (#{returnNo}, #{outReturnNo}, #{orderNo}, #{merchantId},"
            + " #{receiverMerchantId}, #{currency}, #{amount}, #{digest}, #{result}, #{createdAt})")
    int insertReturn(SharingRows.ReturnRow row);

    @Select("SELECT " + RETURN + " FROM profit_sharing_return WHERE merchant_id = #{merchantId} AND out_return_no = #{outReturnNo}")
    SharingRows.ReturnRow findReturn(@Param("merchantId") String merchantId, @Param("outReturnNo") String outReturnNo);

    @Select("SELECT COALESCE(SUM(amount), 0) FROM profit_sharing_return WHERE order_no = #{orderNo}"
            + " AND receiver_merchant_id = #{receiver}")
    long returnedOf(@Param("orderNo") String orderNo, @Param("receiver") String receiver);

    @Update("UPDATE profit_sharing_return SET result = 'SUCCESS' WHERE return_no = #{returnNo} AND result = 'PENDING'")
    int returnSucceeded(String returnNo);
}
