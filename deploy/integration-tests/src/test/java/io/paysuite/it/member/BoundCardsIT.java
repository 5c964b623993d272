package io.paysuite.it.member;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.common.Result;
import io.paysuite.api.member.BindCardCmd;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.CardStatus;
import io.paysuite.api.member.CardTokenDTO;
import io.paysuite.api.member.CardTokenQry;
import io.paysuite.api.member.CardType;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.RegisterBuyerCmd;
import io.paysuite.api.member.UnbindCardCmd;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponStatus;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.deploy.launcher.DemoSeed;
import io.paysuite.deploy.launcher.Suite;
import io.paysuite.it.SuiteHarness;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Bound cards through Dubbo as the cashier and the future card-binding flow call them, against the
 * suite's real MariaDB: the unique (buyer, token) key decides concurrent bindings, tokens compare
 * case-sensitively, another buyer's card is never answered, and the local demo's buyers each get a
 * card the sandbox settles (and the two coupons and the points the demo lists beside it). Phones and
 * tokens are random because the database outlives a run.
 */
class BoundCardsIT {

    private static final String MASKED = "6222 **** **** 0000";

    private final MemberService members = SuiteHarness.reference(MemberService.class, null);
    private final CouponService coupons = SuiteHarness.reference(CouponService.class, null);
    private final PointsService points = SuiteHarness.reference(PointsService.class, null);
    private final DatabaseServer db = SuiteHarness.suite().infra().database();

    @Test
    void theTokenIsStoredSealedNeverInClear() {
        String buyer = buyer();
        String token = randomToken();
        BoundCardDTO card = members.bindCard(new BindCardCmd(buyer, token, MASKED, "ICBC", CardType.DEBIT)).data();

        assertThat(count("SELECT COUNT(*) FROM bound_card WHERE buyer_id = ? AND unionpay_token IS NULL"
                + " AND token_sealed LIKE 'v1:%' AND LENGTH(token_fingerprint) = 64", buyer)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM bound_card WHERE ? IN (unionpay_token, token_fingerprint, token_sealed)", token))
                .as("no column holds the token").isZero();
        assertThat(token(buyer, card.cardId()).data().unionpayToken()).as("the charging server still gets it").isEqualTo(token);
    }

    @Test
    void tenConcurrentBindingsOfOneTokenMakeOneCard() throws Exception {
        String buyer = buyer();
        String token = randomToken();

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Result<BoundCardDTO>>> answers = IntStream.range(0, 10).mapToObj(i -> pool.submit(() -> {
                start.await();
                return members.bindCard(new BindCardCmd(buyer, token, MASKED, "ICBC", CardType.DEBIT));
            })).toList();
            start.countDown();
            Set<String> cardIds = new java.util.HashSet<>();
            for (Future<Result<BoundCardDTO>> answer : answers) {
                Result<BoundCardDTO> bound = answer.get();
                assertThat(bound.success()).as(bound.code() + " " + bound.message()).isTrue();
                cardIds.add(bound.data().cardId());
            }
            assertThat(cardIds).hasSize(1);
            assertThat(cardIds.iterator().next()).matches("C\\d{8,}");
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("SELECT COUNT(*) FROM bound_card WHERE buyer_id = ?", buyer)).isEqualTo(1);
    }

    @Test
    void tokensDifferingOnlyInCaseAreTwoCards() {
        String buyer = buyer();
        String token = randomToken();

        BoundCardDTO upper = bind(buyer, token.toUpperCase());
        BoundCardDTO lower = bind(buyer, token.toLowerCase());

        assertThat(upper.cardId()).isNotEqualTo(lower.cardId());
        assertThat(members.listCards(buyer).data()).extracting(BoundCardDTO::cardId).containsExactly(upper.cardId(), lower.cardId());
        assertThat(token(buyer, lower.cardId()).data().unionpayToken()).isEqualTo(token.toLowerCase());
    }

    @Test
    void theTokenIsAnsweredOnlyToTheOwnerOfAnActiveCard() {
        String ann = buyer();
        String bob = buyer();
        String token = randomToken();
        BoundCardDTO card = bind(ann, token);

        Result<CardTokenDTO> own = token(ann, card.cardId());
        Result<CardTokenDTO> foreign = token(bob, card.cardId());
        Result<CardTokenDTO> missing = token(bob, "C999999999999");

        assertThat(own.data().unionpayToken()).isEqualTo(token);
        assertThat(foreign.success()).isFalse();
        assertThat(foreign.code()).isEqualTo("CARD_NOT_FOUND");
        assertThat(foreign.message()).isEqualTo(missing.message()).doesNotContain(token);
        assertThat(members.unbindCard(new UnbindCardCmd(bob, card.cardId())).code()).isEqualTo("CARD_NOT_FOUND");
        assertThat(members.listCards(bob).data()).isEmpty();
    }

    @Test
    void unbindingIsIdempotentAndBindingTheTokenAgainRestoresTheSameCard() {
        String buyer = buyer();
        String token = randomToken();
        BoundCardDTO card = bind(buyer, token);

        Result<BoundCardDTO> unbound = members.unbindCard(new UnbindCardCmd(buyer, card.cardId()));
        Result<BoundCardDTO> again = members.unbindCard(new UnbindCardCmd(buyer, card.cardId()));

        assertThat(unbound.data().status()).isEqualTo(CardStatus.UNBOUND);
        assertThat(again.data()).isEqualTo(unbound.data());
        assertThat(members.listCards(buyer).data()).isEmpty();
        assertThat(token(buyer, card.cardId()).code()).isEqualTo("CARD_NOT_FOUND");

        BoundCardDTO rebound = bind(buyer, token);
        assertThat(rebound.cardId()).isEqualTo(card.cardId());
        assertThat(rebound.status()).isEqualTo(CardStatus.ACTIVE);
        assertThat(members.listCards(buyer).data()).containsExactly(rebound);
    }

    @Test
    void badInputIsParamErrorAndWritesNothing() {
        String buyer = buyer();

        Result<BoundCardDTO> fullNumber = members.bindCard(new BindCardCmd(buyer, randomToken(), "6222021234567890000", "ICBC",
                CardType.DEBIT));
        Result<BoundCardDTO> badToken = members.bindCard(new BindCardCmd(buyer, "tok&en=1", MASKED, "ICBC", CardType.DEBIT));
        Result<BoundCardDTO> nobody = members.bindCard(new BindCardCmd("U999999999999", randomToken(), MASKED, "ICBC",
                CardType.DEBIT));

        assertThat(fullNumber.code()).isEqualTo("PARAM_ERROR");
        assertThat(fullNumber.message()).startsWith("masked_pan");
        assertThat(badToken.code()).isEqualTo("PARAM_ERROR");
        assertThat(nobody.code()).isEqualTo("BUYER_NOT_FOUND");
        assertThat(count("SELECT COUNT(*) FROM bound_card WHERE buyer_id = ?", buyer)).isZero();
    }

    /**
     * Each demo buyer of {@code demo-buyers.json} has a card the sandbox settles, and the two coupons and the points
     * the file lists exist in member-service as listed: both coupons {@code AVAILABLE} with the listed terms (one
     * platform-funded, one merchant-funded), and the listed points the account's available points, none frozen.
     */
    @Test
    void theLocalDemoSeedsEachBuyerWithACardTheSandboxSettlesTwoUsableCouponsAndPoints() throws Exception {
        Suite suite = SuiteHarness.suite();
        Path work = suite.config().workDir();
        DemoSeed.seed(suite, work);

        JsonNode buyers = new ObjectMapper().readTree(Files.readString(work.resolve("demo-buyers.json")));
        assertThat(buyers).hasSize(3);
        for (JsonNode buyer : buyers) {
            assertThat(buyer.has("password") && buyer.has("pay_password") && buyer.has("phone")).as(buyer.toString()).isTrue();
            String buyerId = buyer.path("buyer_id").asText();
            JsonNode card = buyer.path("cards").get(0);
            assertThat(card.path("masked_pan").asText()).isEqualTo(MASKED);
            assertThat(buyer.toString()).doesNotContain("token");
            assertThat(members.listCards(buyerId).data()).extracting(BoundCardDTO::cardId)
                    .containsExactly(card.path("card_id").asText());
            assertThat(token(buyerId, card.path("card_id").asText()).data().unionpayToken()).endsWith("0000");
            assertSeededPromotions(buyerId, buyer);
        }
    }

    /** The coupons and points the file lists for one buyer, as member-service holds them (read right after the seed). */
    private void assertSeededPromotions(String buyerId, JsonNode buyer) {
        JsonNode listed = buyer.path("coupons");
        assertThat(listed).as("%s: two coupons", buyerId).hasSize(2);
        List<CouponDTO> held = answered(coupons.listByBuyer(buyerId));
        Set<String> funders = new java.util.HashSet<>();
        for (JsonNode coupon : listed) {
            String couponId = coupon.path("coupon_id").asText();
            CouponDTO found = held.stream().filter(c -> c.couponId().equals(couponId)).findFirst()
                    .orElseThrow(() -> new AssertionError(buyerId + ": no coupon " + couponId + " in member-service, only " + held));
            assertThat(found.status()).as(couponId).isEqualTo(CouponStatus.AVAILABLE);
            assertThat(found.fundedBy().name()).as(couponId).isEqualTo(coupon.path("funded_by").asText());
            // the file's amount is a fixed coupon's amount, or a percentage coupon's cap
            long amount = found.kind() == CouponKind.FIXED_AMOUNT ? found.amount().minor() : found.cap().minor();
            assertThat(amount).as(couponId + " amount").isEqualTo(coupon.path("amount").asLong());
            assertThat(found.minSpend() == null ? 0 : found.minSpend().minor()).as(couponId + " min_spend")
                    .isEqualTo(coupon.path("min_spend").asLong());
            funders.add(found.fundedBy().name());
        }
        assertThat(funders).as("one funded by the platform, one by the merchant").containsExactlyInAnyOrder("PLATFORM", "MERCHANT");
        PointsAccountDTO account = answered(points.account(buyerId));
        assertThat(buyer.path("points").asLong()).as("%s: the listed points are the account's", buyerId)
                .isPositive().isEqualTo(account.available());
        assertThat(account.frozen()).isZero();
    }

    private static <T> T answered(Result<T> answer) {
        assertThat(answer.success()).as(answer.code() + " " + answer.message()).isTrue();
        return answer.data();
    }

    // --- helpers --------------------------------------------------------------------------------

    private String buyer() {
        String phone = "136" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        Result<BuyerDTO> registered = members.registerBuyer(new RegisterBuyerCmd(phone, "correct horse battery", "135790", "IT"));
        assertThat(registered.success()).as(registered.code() + " " + registered.message()).isTrue();
        return registered.data().buyerId();
    }

    private BoundCardDTO bind(String buyer, String token) {
        Result<BoundCardDTO> bound = members.bindCard(new BindCardCmd(buyer, token, MASKED, "ICBC", CardType.DEBIT));
        assertThat(bound.success()).as(bound.code() + " " + bound.message()).isTrue();
        return bound.data();
    }

    private Result<CardTokenDTO> token(String buyer, String cardId) {
        return members.resolveCardToken(new CardTokenQry(buyer, cardId));
    }

    private static String randomToken() {
        return "Tok" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36) + "0000";
    }

    private int count(String sql, String parameter) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("paysuite_member"), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
