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

    private static final Instant EVERYTHING_DUE = Instant.parse("2100-01-01T00:00:00Z");

    private InternalReconciliation.Round checkWhatIsDue() {
        return reconciliation.checkDue(EVERYTHING_DUE, 50);
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
        InternalReconciliation.Round round = failing.checkDue(EVERYTHING_DUE, 50);
        assertThat(round.notRead()).containsOnlyKeys(TradeStory.TRADE_NO);
        assertThat(round.checked()).isZero();
        assertThat(pending.rows).hasSize(1);
        story.set(paidWithoutPosting());
        checkWhatIsDue();
        assertThat(findings.rows).as("a first look, not believed yet").isEmpty();
        checkWhatIsDue();
        assertThat(findings.rows).hasSize(1);
    }

    @Test
    void aCheckAnotherInstanceClaimedIsNotDueAgainBeforeTheSettleDelay() {
        story.set(paidWithoutPosting());
        reconciliation.noted(TradeStory.TRADE_NO, null);
        Instant claimedAt = Instant.parse("2026-12-06T12:00:01Z");
        assertThat(pending.claimDue(EVERYTHING_DUE, claimedAt, 50)).hasSize(1); // the other instance

        assertThat(reconciliation.checkDue(claimedAt, 50).claimed()).isZero();
        assertThat(pending.rows.values()).singleElement().satisfies(c -> assertThat(c.attempts()).isZero());
        assertThat(findings.rows).isEmpty();
    }

    @Test
    void aTradeNotedByBothItsPaymentAndItsStateIsCheckedOnceNotTwice() {
        reconciliation.noted(TradeStory.TRADE_NO, null); // PAY_SUCCEEDED
        reconciliation.noted(TradeStory.TRADE_NO, null); // TRADE_SUCCEEDED, before the check

        assertThat(checkWhatIsDue().checked()).isEqualTo(1);
        assertThat(pending.rows).as("the news before the claim was read by the check").isEmpty();
        assertThat(checkWhatIsDue().claimed()).isZero();
        assertThat(pending.checked).containsExactly(TradeStory.TRADE_NO);
    }

    @Test
    void newsArrivingWhileACheckRunsBringsTheTradeBackForAnotherCheck() {
        reconciliation.noted(TradeStory.TRADE_NO, null);
        InternalReconciliation noticing = new InternalReconciliation((tradeNo, refundNos) -> {
            reconciliation.noted(TradeStory.TRADE_NO, null); // a refund's event while the services are read
            return story.get().sides();
        }, pending, findings, null, Clock.fixed(Instant.parse("2026-12-06T12:00:05Z"), ZoneOffset.UTC));

        assertThat(noticing.checkDue(EVERYTHING_DUE, 50).checked()).isEqualTo(1);

        assertThat(pending.rows.values()).singleElement().satisfies(c -> assertThat(c.attempts()).isZero());
        assertThat(checkWhatIsDue().checked()).isEqualTo(1);
        assertThat(pending.rows).isEmpty();
    }

    @Test
    void aRoundReadsAllItsTradesTogetherAndOnlyTheOneThatDisagreesWaitsForASecondLook() {
        List<Map<String, java.util.Set<String>>> reads = new ArrayList<>();
        String other = "T2026120612000001000010043";
        InternalReconciliation batched = new InternalReconciliation(new TradeRecords() {
            @Override
            public TradeSides read(String tradeNo, java.util.Set<String> refundNos) {
                throw new AssertionError("read one by one");
            }

            @Override
            public Map<String, TradeSides> readAll(Map<String, java.util.Set<String>> refundNosByTrade,
                                                   java.util.function.BiConsumer<String, RuntimeException> notRead) {
                reads.add(refundNosByTrade);
                return Map.of(TradeStory.TRADE_NO, paidWithoutPosting().sides(), other, TradeStory.paidByWallet(1000).sides());
            }
        }, pending, findings, null, Clock.fixed(Instant.parse("2026-12-06T12:00:05Z"), ZoneOffset.UTC));
        reconciliation.noted(TradeStory.TRADE_NO, null);
        reconciliation.noted(TradeStory.TRADE_NO, "R1");
        reconciliation.noted(other, null);

        InternalReconciliation.Round round = batched.checkDue(EVERYTHING_DUE, 50);

        assertThat(reads).singleElement().satisfies(read -> {
            assertThat(read).containsOnlyKeys(TradeStory.TRADE_NO, other);
            assertThat(read.get(TradeStory.TRADE_NO)).containsExactly("R1");
        });
        assertThat(round.claimed()).isEqualTo(3);
        assertThat(round.checked()).isEqualTo(1);
        assertThat(pending.checked).containsExactly(other);
        assertThat(pending.rows.values()).hasSize(2).allSatisfy(c -> {
            assertThat(c.tradeNo()).isEqualTo(TradeStory.TRADE_NO);
            assertThat(c.attempts()).isEqualTo(1);
        });
    }

    /** Pending checks as the table keeps them: claimed in one step, {@code renoted} as the note's upsert sets it. */
    private static final class MemoryPending implements PendingChecks {
        final Map<String, PendingCheck> rows = new LinkedHashMap<>();
        final java.util.Set<String> renoted = new java.util.HashSet<>();
        final List<String> checked = new ArrayList<>();

        @Override
        public void note(String tradeNo, String refundNo, Instant at) {
            String key = tradeNo + "/" + refundNo;
            if (rows.putIfAbsent(key, new PendingCheck(tradeNo, refundNo, at, 0)) != null) {
                renoted.add(key);
            }
        }

        @Override
        public List<PendingCheck> claimDue(Instant before, Instant now, int limit) {
            List<PendingCheck> claimed = rows.values().stream().filter(c -> c.notedAt().isBefore(before)).limit(limit)
                    .map(c -> new PendingCheck(c.tradeNo(), c.refundNo(), now, c.attempts())).toList();
            claimed.forEach(c -> {
                rows.put(c.tradeNo() + "/" + c.refundNo(), c);
                renoted.remove(c.tradeNo() + "/" + c.refundNo());
            });
            return claimed;
        }

        @Override
        public void lookAgain(PendingCheck check) {
            rows.computeIfPresent(check.tradeNo() + "/" + check.refundNo(),
                    (key, row) -> new PendingCheck(row.tradeNo(), row.refundNo(), row.notedAt(), row.attempts() + 1));
        }

        @Override
        public void finished(java.util.Collection<PendingCheck> checks, Instant now) {
            for (PendingCheck check : checks) {
                String key = check.tradeNo() + "/" + check.refundNo();
                if (renoted.remove(key)) {
                    rows.put(key, new PendingCheck(check.tradeNo(), check.refundNo(), now, 0));
                } else {
                    rows.remove(key);
                }
            }
        }

        @Override
        public void checked(java.util.Collection<String> tradeNos, Instant at) {
            checked.addAll(tradeNos);
        }

        @Override
        public List<String> uncheckedTrades(Instant before, int limit) {
            return List.of();
        }
    }

    private static final class MemoryFindings implements CrossCheckFindings {
        final Map<String, CrossCheckFindingDTO> rows = new LinkedHashMap<>();

        @Override
        public Map<String, List<CrossCheckFindingDTO>> open(java.util.Collection<String> tradeNos) {
            return rows.values().stream().filter(f -> tradeNos.contains(f.tradeNo()) && f.status() == FindingStatus.OPEN)
                    .collect(java.util.stream.Collectors.groupingBy(CrossCheckFindingDTO::tradeNo));
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
