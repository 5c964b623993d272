package io.paysuite.member.infra.promotion;

import java.time.LocalDateTime;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

/** Tables {@code points_earning} and {@code points_take_back}; the account's own UPDATEs are {@link PointsMapper}'s. */
@Mapper
public interface PointsEarningMapper {

    @Insert("INSERT INTO points_earning (trade_no, buyer_id, points, price_minor, cash_minor, currency, refunded_minor,"
            + " taken_back, forgiven, created_at, updated_at) VALUES (#{tradeNo}, #{buyerId}, #{points}, #{priceMinor},"
            + " #{cashMinor}, #{currency}, 0, 0, 0, #{createdAt}, #{updatedAt})")
    int insertEarning(PointsEarningDO row);

    @Select("SELECT trade_no, buyer_id, points, price_minor, cash_minor, currency, refunded_minor, taken_back, forgiven,"
            + " created_at, updated_at FROM points_earning WHERE trade_no = #{tradeNo}")
    PointsEarningDO findEarning(String tradeNo);

    /** The earning moved by one refund, only from the refunds it was read with (compare-and-set). */
    @Update("UPDATE points_earning SET refunded_minor = #{refundedAfter}, taken_back = taken_back + #{taken},"
            + " forgiven = forgiven + #{forgiven}, updated_at = #{now}"
            + " WHERE trade_no = #{tradeNo} AND refunded_minor = #{refundedBefore}")
    int moveEarning(@Param("tradeNo") String tradeNo, @Param("refundedBefore") long refundedBefore,
                    @Param("refundedAfter") long refundedAfter, @Param("taken") long taken, @Param("forgiven") long forgiven,
                    @Param("now") LocalDateTime now);

    @Insert("INSERT INTO points_take_back (refund_no, trade_no, buyer_id, points_due, points_taken, value_minor, currency,"
            + " created_at) VALUES (#{refundNo}, #{tradeNo}, #{buyerId}, #{pointsDue}, #{pointsTaken}, #{valueMinor},"
            + " #{currency}, #{createdAt})")
    int insertTakeBack(PointsTakeBackDO row);

    @Select("SELECT refund_no, trade_no, buyer_id, points_due, points_taken, value_minor, currency, created_at"
            + " FROM points_take_back WHERE refund_no = #{refundNo}")
    PointsTakeBackDO findTakeBack(String refundNo);
}
