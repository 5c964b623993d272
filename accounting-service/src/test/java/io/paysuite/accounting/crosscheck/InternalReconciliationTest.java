package io.paysuite.accounting.crosscheck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.crosscheck.CrossCheckFindingDTO;
import io.paysuite.api.crosscheck.DisagreementKind;
import io.paysuite.api.crosscheck.FindingStatus;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayOrderStatus;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class InternalReconciliationTest {

    private final AtomicReference<TradeStory> story = new AtomicReference<>(TradeStory.paidByWallet(1000));
    private final MemoryPending pending = new MemoryPending();
    private final MemoryFindings findings = new MemoryFindings();
    private final List<String> alarms = new ArrayList<>();
    private final InternalReconciliation reconciliation = new InternalReconciliation((tradeNo, refundNos) -> story.get().sides(),
            pending, findings, new CrossCheckAlarms() {
                @Override
                public void raised(Disagreement disagreement, boolean newlyOpened) {
                    alarms.add((newlyOpened ? "new " : "still ") + disagreement.key());
                }

                @Override
                public void cleared(String tradeNo, String findingKey) {
                    alarms.add("cleared " + findingKey);
                }
            }, Clock.fixed(Instant.parse("2026-12-06T12:00:00Z"), ZoneOffset.UTC));

    private void checkWhatIsDue() {
        List.copyOf(pending.rows.values()).forEach(reconciliation::check);
    }

    private static TradeStory paidWithoutPosting() {
        return new TradeStory().trade(TradeStatus.SUCCESS, TradeType.INSTANT, 1000, 0)
                .payOrder(TradeStory.PAY_ORDER_NO, PayOrderStatus.SUCCESS, PayMethod.BALANCE, 1000, null);
    }

    @Test
    void anAgreeingTradeIsCheckedOnceAndForgotten() {
        reconciliation.noted(TradeStory.TRADE_NO, null);
        checkWhatIsDue();
        assertThat(pending.rows).isEmpty();
        assertThat(pending.checked).containsExactly(TradeStory.TRADE_NO);
        assertThat(findings.rows).isEmpty();
        assertThat(alarms).isEmpty();
    }

    @Test
    void aFirstDisagreementWaitsForASecondLookBeforeItIsRaised() {
        story.set(paidWithoutPosting());
        reconciliation.noted(TradeStory.TRADE_NO, null);
        checkWhatIsDue();
        assertThat(findings.rows).isEmpty();
        assertThat(pending.rows).hasSize(1).allSatisfy((key, check) -> assertThat(check.attempts()).isEqualTo(1));

        checkWhatIsDue();
        assertThat(findings.rows.values()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(DisagreementKind.PAYMENT_MISSING);
            assertThat(f.status()).isEqualTo(FindingStatus.OPEN);
        });
        assertThat(alarms).containsExactly("new PAYMENT_MISSING/" + TradeStory.TRADE_NO);
        assertThat(pending.rows).isEmpty();
    }

    @Test
    void aDisagreementTheSecondLookNoLongerSeesIsNeverRaised() {
        story.set(paidWithoutPosting());
        reconciliation.noted(TradeStory.TRADE_NO, null);
        checkWhatIsDue();
        story.set(TradeStory.paidByWallet(1000)); // the ledger's posting arrived meanwhile
        checkWhatIsDue();
        assertThat(findings.rows).isEmpty();
        assertThat(alarms).isEmpty();
    }

    @Test
    void anOpenFindingIsCountedOnceAndClearedWhenALaterCheckAgrees() {
        story.set(paidWithoutPosting());
        reconciliation.noted(TradeStory.TRADE_NO, null);
        checkWhatIsDue();
        checkWhatIsDue();
        reconciliation.noted(TradeStory.TRADE_NO, null);
        checkWhatIsDue();
        checkWhatIsDue();
        assertThat(alarms).containsExactly("new PAYMENT_MISSING/" + TradeStory.TRADE_NO, "still PAYMENT_MISSING/" + TradeStory.TRADE_NO);

        story.set(TradeStory.paidByWallet(1000));
        reconciliation.noted(TradeStory.TRADE_NO, null);
        checkWhatIsDue();
        assertThat(findings.rows.values()).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo(FindingStatus.CLEARED));
        assertThat(alarms).last().isEqualTo("cleared PAYMENT_MISSING/" + TradeStory.TRADE_NO);
    }

    @Test
    void aCheckWhoseReadFailedIsNotALookAndStillWaitsForTwo() {
        reconciliation.noted(TradeStory.TRADE_NO, null);
        InternalReconciliation failing = new InternalReconciliation((tradeNo, refundNos) -> {
            throw new IllegalStateException("trade-core did not answer");
        }, pending, findings, null, Clock.fixed(Instant.parse("2026-12-06T12:00:05Z"), ZoneOffset.UTC));
        PendingCheck due = pending.rows.values().iterator().next();
        assertThatThrownBy(() -> failing.check(due)).isInstanceOf(IllegalStateException.class);
        story.set(paidWithoutPosting());
        checkWhatIsDue();
        assertThat(findings.rows).as("a first look, not believed yet").isEmpty();
        checkWhatIsDue();
        assertThat(findings.rows).hasSize(1);
    }

    @Test
    void aCheckAnotherInstanceClaimedFirstIsLeftToIt() {
        story.set(paidWithoutPosting());
        reconciliation.noted(TradeStory.TRADE_NO, null);
        PendingCheck seen = pending.rows.values().iterator().next();
        assertThat(pending.claim(seen, Instant.parse("2026-12-06T12:00:01Z"))).isTrue(); // the other instance
        reconciliation.check(seen);
        assertThat(pending.rows.values()).singleElement().satisfies(c -> assertThat(c.attempts()).isZero());
        assertThat(findings.rows).isEmpty();
    }

    /** Pending checks as the table keeps them: claimed by compare-and-set on noted_at. */
    private static final class MemoryPending implements PendingChecks {
        final Map<String, PendingCheck> rows = new LinkedHashMap<>();
        final List<String> checked = new ArrayList<>();

        @Override
        public void note(String tradeNo, String refundNo, Instant at) {
            rows.putIfAbsent(tradeNo + "/" + refundNo, new PendingCheck(tradeNo, refundNo, at, 0));
        }

        @Override
        public List<PendingCheck> notedBefore(Instant before, int limit) {
            return rows.values().stream().filter(c -> c.notedAt().isBefore(before)).limit(limit).toList();
        }

        @Override
        public boolean claim(PendingCheck check, Instant now) {
            String key = check.tradeNo() + "/" + check.refundNo();
            PendingCheck row = rows.get(key);
            if (row == null || !row.notedAt().equals(check.notedAt())) {
                return false;
            }
            rows.put(key, new PendingCheck(check.tradeNo(), check.refundNo(), now.plusNanos(rows.size()), row.attempts()));
            return true;
        }

        @Override
        public void lookAgain(PendingCheck check) {
            rows.computeIfPresent(check.tradeNo() + "/" + check.refundNo(),
                    (key, row) -> new PendingCheck(row.tradeNo(), row.refundNo(), row.notedAt(), row.attempts() + 1));
        }

        @Override
        public void done(PendingCheck check, Instant now) {
            rows.remove(check.tradeNo() + "/" + check.refundNo());
        }

        @Override
        public void checked(String tradeNo, Instant at) {
            checked.add(tradeNo);
        }

        @Override
        public List<String> uncheckedTrades(Instant before, int limit) {
            return List.of();
        }
    }

    private static final class MemoryFindings implements CrossCheckFindings {
        final Map<String, CrossCheckFindingDTO> rows = new LinkedHashMap<>();

        @Override
        public List<CrossCheckFindingDTO> open(String tradeNo) {
            return rows.values().stream().filter(f -> f.tradeNo().equals(tradeNo) && f.status() == FindingStatus.OPEN).toList();
        }

        @Override
        public boolean raise(Disagreement d, Instant now) {
            CrossCheckFindingDTO before = rows.get(d.key());
            boolean opened = before == null || before.status() != FindingStatus.OPEN;
            rows.put(d.key(), new CrossCheckFindingDTO(rows.size() + 1, d.tradeNo(), d.kind(), d.subject(), d.sides(),
                    FindingStatus.OPEN, opened ? now : before.firstSeen(), now, null));
            return opened;
        }

        @Override
        public boolean clear(CrossCheckFindingDTO f, Instant now) {
            String key = f.kind().name() + "/" + f.subject();
            rows.put(key, new CrossCheckFindingDTO(f.findingId(), f.tradeNo(), f.kind(), f.subject(), f.sides(),
                    FindingStatus.CLEARED, f.firstSeen(), now, now));
            return true;
        }

        @Override
        public List<String> openCheckedBefore(Instant before, int limit) {
            return List.of();
        }

        @Override
        public long openCount() {
            return rows.values().stream().filter(f -> f.status() == FindingStatus.OPEN).count();
        }

        @Override
        public List<CrossCheckFindingDTO> list(FindingStatus status, int limit) {
            return List.copyOf(rows.values());
        }
    }
}
