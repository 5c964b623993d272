package io.paysuite.member.infra.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.kit.state.StateTableCheck;
import io.paysuite.member.promotion.CouponTransitions;
import io.paysuite.member.promotion.HoldTransitions;
import io.paysuite.member.promotion.PointsUse;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The repositories' compare-and-set transitions move exactly the pairs in the state tables: the mapper's
 * UPDATEs are played by maps with the SQL's {@code WHERE status = #{from}}.
 */
class PromotionStateTablesTest {

    static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

    final Map<Long, String> couponStatus = new HashMap<>();
    final Map<String, String> useStatus = new HashMap<>();
    final TransactionTemplate tx = inline();

    static TransactionTemplate inline() {
        TransactionTemplate tx = mock(TransactionTemplate.class);
        when(tx.execute(any())).thenAnswer(call -> ((TransactionCallback<?>) call.getArgument(0)).doInTransaction(new SimpleTransactionStatus()));
        return tx;
    }

    static int cas(Map<? super Object, String> rows, Object key, String from, String to) {
        if (!from.equals(rows.get(key))) {
            return 0;
        }
        rows.put(key, to);
        return 1;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void aCouponMovesExactlyThePairsOfItsTable() {
        CouponMapper mapper = mock(CouponMapper.class);
        when(mapper.transition(anyLong(), anyString(), anyString(), any())).thenAnswer(c ->
                cas((Map) couponStatus, c.getArgument(0), c.getArgument(1), c.getArgument(2)));
        MyBatisCouponRepository coupons = new MyBatisCouponRepository(mapper, tx);
        long[] next = {0};

        assertThat(StateTableCheck.everyPair(CouponTransitions.TABLE,
                from -> {
                    couponStatus.put(++next[0], from.name());
                    return next[0];
                },
                (number, to) -> coupons.transition(number, CouponStatus.valueOf(couponStatus.get(number)), to, AT),
                number -> CouponStatus.valueOf(couponStatus.get(number)))).isEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void aCouponUseMovesExactlyThePairsOfTheHoldTable() {
        CouponMapper mapper = mock(CouponMapper.class);
        when(mapper.moveHeld(anyLong(), anyString(), anyString(), anyString(), any())).thenReturn(1);
        when(mapper.moveUse(anyLong(), anyString(), anyString(), anyString(), any())).thenAnswer(c ->
                cas((Map) useStatus, c.getArgument(1), c.getArgument(2), c.getArgument(3)));
        MyBatisCouponRepository coupons = new MyBatisCouponRepository(mapper, tx);
        int[] next = {0};

        assertThat(StateTableCheck.everyPair(HoldTransitions.TABLE,
                from -> {
                    String key = "P" + ++next[0];
                    useStatus.put(key, from.name());
                    return key;
                },
                (key, to) -> coupons.settle(1, key, HoldStatus.valueOf(useStatus.get(key)), to, CouponStatus.FROZEN,
                        CouponStatus.USED, AT),
                key -> HoldStatus.valueOf(useStatus.get(key)))).isEmpty();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    @Test
    void aPointsUseMovesExactlyThePairsOfTheHoldTable() {
        PointsMapper mapper = mock(PointsMapper.class);
        when(mapper.moveUse(anyString(), anyString(), anyString(), any())).thenAnswer(c ->
                cas((Map) useStatus, c.getArgument(0), c.getArgument(1), c.getArgument(2)));
        when(mapper.unfreeze(anyString(), anyLong(), anyBoolean(), any())).thenReturn(1);
        when(mapper.credit(anyString(), anyLong(), any())).thenReturn(1);
        when(mapper.insertMovement(anyString(), anyString(), anyString(), anyLong(), anyLong(), isNull(), any())).thenReturn(1);
        MyBatisPointsRepository points = new MyBatisPointsRepository(mapper, tx);
        int[] next = {0};

        assertThat(StateTableCheck.everyPair(HoldTransitions.TABLE,
                from -> {
                    String key = "P" + ++next[0];
                    useStatus.put(key, from.name());
                    return key;
                },
                (key, to) -> points.settle(new PointsUse(key, "U1", "T1", 5, Money.cny(5), HoldStatus.valueOf(useStatus.get(key))),
                        HoldStatus.valueOf(useStatus.get(key)), to, AT),
                key -> HoldStatus.valueOf(useStatus.get(key)))).isEmpty();
    }
}
