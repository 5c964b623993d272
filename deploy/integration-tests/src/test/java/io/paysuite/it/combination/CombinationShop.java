package io.paysuite.it.combination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.JournalEntryDTO;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.api.money.Money;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.CouponTemplateDTO;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.IssueCouponCmd;
import io.paysuite.api.trade.CreateTradeCmd;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trade.TradeType;
import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.it.MerchantSink;
import io.paysuite.it.SuiteHarness;
import io.paysuite.it.openapi.Merchants;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * One merchant of the combination ITs and the steps they share: coupons issued to a buyer, trades of the
 * merchant, the trade as the merchant reads it through the open API, the ledger's entries and the trial
 * balance, and member-service's record of each use of a coupon or of points. member-service's read-only calls
 * answer coupons and accounts, never a use (the calls that answer one freeze, confirm or release it), so the
 * uses are read from the member database, as the other ITs read member-service's tables.
 */
final class CombinationShop {

    private final Merchants.TestMerchant merchant;
    private final TradeService trades = SuiteHarness.reference(TradeService.class, null);
    private final CouponService coupons = SuiteHarness.reference(CouponService.class, null);
    private final LedgerService ledger = SuiteHarness.reference(LedgerService.class, null);

    CombinationShop(Merchants.TestMerchant merchant) {
        this.merchant = merchant;
    }

    /** One use of a coupon by one payment ({@code useKey}: the pay order number), as member-service recorded it. */
    record CouponUseRow(String useKey, String tradeNo, HoldStatus status, long discount) {
    }

    /** One use of points by one payment, as member-service recorded it: how many, and what they paid. */
    record PointsUseRow(String useKey, String tradeNo, HoldStatus status, long points, long value) {
    }

    CouponDTO couponFor(String buyer, long amount, FundedBy fundedBy) {
        return couponsFor(buyer, amount, fundedBy, 1).get(0);
    }

    /** {@code count} coupons of one new template, all the buyer's; a merchant-funded one is this merchant's. */
    List<CouponDTO> couponsFor(String buyer, long amount, FundedBy fundedBy, int count) {
        Instant now = Instant.now();
        CouponTemplateDTO template = ok(coupons.createTemplate(new CouponTemplateCmd("TPL-" + UUID.randomUUID(), "it " + amount + " off",
                CouponKind.FIXED_AMOUNT, Money.cny(amount), null, null, null, now.minus(1, ChronoUnit.MINUTES),
                now.plus(1, ChronoUnit.DAYS), fundedBy, fundedBy == FundedBy.MERCHANT ? merchant.merchantId() : null)));
        List<CouponDTO> issued = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            issued.add(ok(coupons.issue(new IssueCouponCmd(template.templateId(), buyer, "ISSUE-" + UUID.randomUUID()))));
        }
        return issued;
    }

    CouponDTO coupon(String buyer, String couponId) {
        return ok(coupons.listByBuyer(buyer)).stream().filter(c -> c.couponId().equals(couponId)).findFirst().orElseThrow();
    }

    CouponStatus couponStatus(String buyer, String couponId) {
        return coupon(buyer, couponId).status();
    }

    TradeDTO newTrade(long amount, List<PayMethod> methods) {
        return newTrade(amount, methods, TradeType.INSTANT);
    }

    TradeDTO newTrade(long amount, List<PayMethod> methods, TradeType type) {
        return ok(trades.create(new CreateTradeCmd(merchant.merchantId(), "COMBO-" + UUID.randomUUID().toString().substring(0, 20),
                type, Money.cny(amount), "combination it", null, MerchantSink.notifyUrl(), null, null,
                Instant.now().plus(Duration.ofMinutes(30)), methods)));
    }

    /** The trade as the merchant reads it ({@code GET /api/v1/trades/{trade_no}}) once it is {@code SUCCESS}. */
    JsonNode awaitPaid(TradeDTO trade) {
        return await("trade " + trade.tradeNo() + " SUCCESS").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> merchant.client().get("/api/v1/trades/" + trade.tradeNo()).json(),
                        view -> "SUCCESS".equals(view.path("status").asText()));
    }

    /** The trade's payments by method, from the open API's JSON. */
    static Map<String, Long> parts(JsonNode view) {
        Map<String, Long> parts = new HashMap<>();
        view.path("payments").forEach(p -> parts.merge(p.path("method").asText(), p.path("amount").asLong(), Long::sum));
        return parts;
    }

    /** The entry posted under {@code postingKey}: a payment's is its pay order number, a refund's its refund number. */
    JournalEntryDTO entry(String postingKey) {
        return ok(ledger.entryByKey(postingKey));
    }

    /** What an entry's lines put on one side of every account of one type. */
    static long lines(JournalEntryDTO entry, AccountType type, AccountType.Side side) {
        return entry.lines().stream().filter(l -> l.account().type() == type && l.side() == side).mapToLong(PostingLine::amount).sum();
    }

    void assertBalanced() {
        Result<TrialBalanceDTO> trial = ledger.trialBalance("CNY");
        assertThat(trial.success()).as(trial.code()).isTrue();
        assertThat(trial.data().balanced()).as("debits %s, credits %s", trial.data().totalDebit(), trial.data().totalCredit())
                .isTrue();
    }

    /** Every use of one coupon, oldest first (a coupon id is {@code CP} and its row's number). */
    static List<CouponUseRow> couponUses(String couponId) throws SQLException {
        try (Connection member = memberDatabase();
             PreparedStatement uses = member.prepareStatement(
                     "SELECT use_key, trade_no, status, discount_minor FROM coupon_use WHERE coupon_id = ? ORDER BY id")) {
            uses.setLong(1, Long.parseLong(couponId.substring(2)));
            List<CouponUseRow> rows = new ArrayList<>();
            try (ResultSet found = uses.executeQuery()) {
                while (found.next()) {
                    rows.add(new CouponUseRow(found.getString(1), found.getString(2), HoldStatus.valueOf(found.getString(3)),
                            found.getLong(4)));
                }
            }
            return rows;
        }
    }

    /** The use of a coupon by one payment, if member-service recorded one. */
    static Optional<CouponUseRow> couponUse(String couponId, String useKey) throws SQLException {
        return couponUses(couponId).stream().filter(use -> use.useKey().equals(useKey)).findFirst();
    }

    /** The payment's use of points, if member-service recorded one. */
    static Optional<PointsUseRow> pointsUse(String useKey) throws SQLException {
        try (Connection member = memberDatabase();
             PreparedStatement use = member.prepareStatement(
                     "SELECT trade_no, status, points, value_minor FROM points_use WHERE use_key = ?")) {
            use.setString(1, useKey);
            try (ResultSet found = use.executeQuery()) {
                return found.next()
                        ? Optional.of(new PointsUseRow(useKey, found.getString(1), HoldStatus.valueOf(found.getString(2)),
                                found.getLong(3), found.getLong(4)))
                        : Optional.empty();
            }
        }
    }

    /**
     * The change of available points a movement of the payment's points made ({@code FREEZE}, {@code CONFIRM},
     * {@code RELEASE}, {@code GIVE_BACK}; its key is unique, so a repeat never moves twice), or empty when none.
     */
    static OptionalLong pointsMoved(String kind, String useKey) throws SQLException {
        try (Connection member = memberDatabase();
             PreparedStatement movement = member.prepareStatement(
                     "SELECT available_delta FROM points_movement WHERE movement_key = ?")) {
            movement.setString(1, kind + ":" + useKey);
            try (ResultSet found = movement.executeQuery()) {
                return found.next() ? OptionalLong.of(found.getLong(1)) : OptionalLong.empty();
            }
        }
    }

    static Connection memberDatabase() throws SQLException {
        DatabaseServer db = SuiteHarness.suite().infra().database();
        return DriverManager.getConnection(db.jdbcUrl("paysuite_member"), db.username(), db.password());
    }

    static String request() {
        return "REQ-" + UUID.randomUUID();
    }

    static <T> T ok(Result<T> result) {
        assertThat(result.success()).as(result.code() + " " + result.message()).isTrue();
        return result.data();
    }
}
