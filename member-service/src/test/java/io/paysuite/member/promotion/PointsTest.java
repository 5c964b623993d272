package io.paysuite.member.promotion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsUseCmd;
import io.paysuite.api.promotion.PointsUseDTO;
import io.paysuite.member.buyer.BuyerFinder;
import io.paysuite.member.buyer.InMemoryBuyers;
import io.paysuite.member.buyer.NewBuyer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PointsTest {

    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");

    final InMemoryBuyers buyers = new InMemoryBuyers();
    final InMemoryPoints repository = new InMemoryPoints();
    final java.util.List<String> booked = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Points points = new Points(repository, new PointsRules(1, 100), new BuyerFinder(buyers), Clock.fixed(NOW, ZoneOffset.UTC),
            new BookedLiability(booked));
    final String ann = buyers.insert(new NewBuyer("13800138000", "h", "h", null, NOW)).orElseThrow().buyerId();

    PointsAccountDTO grant(long n, String requestNo) {
        return points.grant(new PointsGrantCmd(ann, n, null, requestNo, "test"));
    }

    @Test
    void aGrantIsIdempotentOnItsRequestNumber() {
        grant(2000, "GRANT-0001");

        assertThat(grant(2000, "GRANT-0001")).isEqualTo(new PointsAccountDTO(ann, 2000, 0, Money.cny(2000)));
    }

    @Test
    void aGrantIsBookedAsThePlatformsLiabilityAtItsRedemptionValueUnderItsRequestNumber() {
        grant(2000, "GRANT-0001");
        grant(2000, "GRANT-0001"); // a repeat books under the same request number: the ledger answers the first entry

        assertThat(booked).containsExactly("GRANT-0001 2000 2000", "GRANT-0001 2000 2000");
    }

    @Test
    void pointsEarnedOnAPaidAmountFollowTheEarningRule() {
        PointsAccountDTO after = points.grant(new PointsGrantCmd(ann, null, Money.cny(12_399), "T2026000001", "earned"));

        assertThat(after.available()).isEqualTo(123);
    }

    @Test
    void aGrantNeedsPointsOrAPaidAmountNotBoth() {
        assertThatThrownBy(() -> points.grant(new PointsGrantCmd(ann, 5L, Money.cny(5), "GRANT-0002", null)))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        assertThatThrownBy(() -> points.grant(new PointsGrantCmd(ann, -5L, null, "GRANT-0003", null)))
                .hasMessageContaining("points");
        assertThat(points.account(ann).available()).isZero();
    }

    @Test
    void aFreezeTakesAsManyWholeUnitsAsTheMaximumAllowsAndARepeatAnswersTheSameUse() {
        grant(2000, "GRANT-0010");

        PointsUseDTO use = points.freeze(new PointsUseCmd(ann, "T1", Money.cny(1234), "P1"));

        assertThat(use.points()).isEqualTo(1234);
        assertThat(use.value()).isEqualTo(Money.cny(1234));
        assertThat(points.freeze(new PointsUseCmd(ann, "T1", Money.cny(1234), "P1"))).isEqualTo(use);
        assertThat(points.account(ann)).isEqualTo(new PointsAccountDTO(ann, 766, 1234, Money.cny(766)));
    }

    @Test
    void aBuyerWithoutPointsIsRefused() {
        assertThatThrownBy(() -> points.freeze(new PointsUseCmd(ann, "T1", Money.cny(100), "P1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.POINTS_INSUFFICIENT));
    }

    @Test
    void confirmSpendsReleaseReturnsAndGiveBackRestoresExactly() {
        grant(2000, "GRANT-0020");
        points.freeze(new PointsUseCmd(ann, "T1", Money.cny(500), "P1"));
        points.freeze(new PointsUseCmd(ann, "T2", Money.cny(300), "P2"));

        assertThat(points.confirm("P1").status()).isEqualTo(HoldStatus.CONFIRMED);
        assertThat(points.release("P2").status()).isEqualTo(HoldStatus.RELEASED);
        assertThat(points.account(ann)).isEqualTo(new PointsAccountDTO(ann, 1500, 0, Money.cny(1500)));

        assertThat(points.giveBack("P1").status()).isEqualTo(HoldStatus.RETURNED);
        assertThat(points.giveBack("P1").status()).isEqualTo(HoldStatus.RETURNED);
        assertThat(points.account(ann).available()).isEqualTo(2000);
        assertThatThrownBy(() -> points.release("P1"))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.POINTS_INSUFFICIENT));
    }

    @Test
    void aReleaseBeforeItsFreezeRefusesTheLateFreezeAndMovesNoPoints() {
        grant(2000, "GRANT-0030");

        assertThat(points.release("P1").status()).isEqualTo(HoldStatus.RELEASED);
        assertThatThrownBy(() -> points.freeze(new PointsUseCmd(ann, "T1", Money.cny(500), "P1")))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.POINTS_INSUFFICIENT));
        assertThatThrownBy(() -> points.confirm("P1")).isInstanceOf(BizException.class);
        assertThat(points.account(ann)).isEqualTo(new PointsAccountDTO(ann, 2000, 0, Money.cny(2000)));
    }

    @Test
    void aFreezeThatLostToAnotherByTheAmountTriesAgainOnTheNewBalance() {
        grant(1000, "GRANT-0040");
        repository.beforeFreeze = () -> points.freeze(new PointsUseCmd(ann, "T0", Money.cny(700), "P0"));

        PointsUseDTO use = points.freeze(new PointsUseCmd(ann, "T1", Money.cny(1000), "P1"));

        assertThat(use.points()).isEqualTo(300);
        assertThat(points.account(ann)).isEqualTo(new PointsAccountDTO(ann, 0, 1000, Money.cny(0)));
    }

    @Test
    void twentyParallelFreezesNeverTakeTheBalanceBelowZeroAndKeepItExact() throws Exception {
        grant(1000, "GRANT-0050");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Callable<Long>> tries = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String key = "P" + i;
            tries.add(() -> {
                try {
                    return points.freeze(new PointsUseCmd(ann, "T" + key, Money.cny(100), key)).points();
                } catch (BizException refused) {
                    return 0L;
                }
            });
        }
        long frozen = 0;
        for (Future<Long> f : pool.invokeAll(tries)) {
            frozen += f.get();
        }
        pool.shutdown();

        assertThat(frozen).isEqualTo(1000);
        assertThat(points.account(ann)).isEqualTo(new PointsAccountDTO(ann, 0, 1000, Money.cny(0)));
    }
}
