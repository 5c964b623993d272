package io.paysuite.it.member;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.member.AddAppKeyCmd;
import io.paysuite.api.member.AppKeyDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.BuyerLoginCmd;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.OnboardMerchantCmd;
import io.paysuite.api.member.PayPasswordVerdict;
import io.paysuite.api.member.RealNameStatus;
import io.paysuite.api.member.RegisterBuyerCmd;
import io.paysuite.api.member.VerifyPayPasswordCmd;
import io.paysuite.deploy.infra.DatabaseServer;
import io.paysuite.it.SuiteHarness;
import java.security.KeyPairGenerator;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * member-service through Dubbo as cashier-service and pay-core will call it, against the suite's
 * real MariaDB: idempotency by unique keys, the atomic payment-password counter, and merchant keys.
 * Phones and request numbers are random per run because the database lives as long as the suite.
 */
class MemberServiceIT {

    private static final String PASSWORD = "correct horse battery";
    private static final String PAY_PASSWORD = "135790";
    private static final String WRONG_PAY_PASSWORD = "000000";
    private static final Pattern ATTEMPTS_LEFT = Pattern.compile("(\\d+) attempts left");

    private final MemberService members = SuiteHarness.reference(MemberService.class, null);
    private final MerchantService merchants = SuiteHarness.reference(MerchantService.class, null);
    private final DatabaseServer db = SuiteHarness.suite().infra().database();

    // --- buyers -------------------------------------------------------------------------------

    @Test
    void twentyConcurrentRegistrationsOfOnePhoneMakeOneBuyer() throws Exception {
        String phone = randomPhone();

        List<Result<BuyerDTO>> answers = concurrently(20, i -> members.registerBuyer(
                new RegisterBuyerCmd(phone, PASSWORD, PAY_PASSWORD, "Race " + i)));

        Set<String> buyerIds = answers.stream()
                .peek(answer -> assertThat(answer.success()).as(answer.code() + " " + answer.message()).isTrue())
                .map(answer -> answer.data().buyerId())
                .collect(Collectors.toSet());
        assertThat(buyerIds).hasSize(1);
        assertThat(buyerIds.iterator().next()).matches("U\\d{8,}");
        assertThat(count("SELECT COUNT(*) FROM buyer WHERE phone = ?", phone)).isEqualTo(1);
    }

    @Test
    void thePhoneWithAnotherPasswordIsPhoneUsedAndTheSamePasswordAnswersTheFirstBuyer() {
        BuyerDTO first = register(randomPhone());
        String phone = phoneOf(first);

        Result<BuyerDTO> other = members.registerBuyer(new RegisterBuyerCmd(phone, "someone else's pw", PAY_PASSWORD, null));
        Result<BuyerDTO> repeat = members.registerBuyer(new RegisterBuyerCmd(phone, PASSWORD, PAY_PASSWORD, null));

        assertThat(other.success()).isFalse();
        assertThat(other.code()).isEqualTo("PHONE_USED");
        assertThat(repeat.data()).isEqualTo(first);
    }

    @Test
    void badRegistrationInputIsParamErrorAndWritesNothing() {
        String phone = randomPhone();

        Result<BuyerDTO> shortPassword = members.registerBuyer(new RegisterBuyerCmd(phone, "short", PAY_PASSWORD, null));
        Result<BuyerDTO> badPayPassword = members.registerBuyer(new RegisterBuyerCmd(phone, PASSWORD, "12345a", null));

        assertThat(shortPassword.code()).isEqualTo("PARAM_ERROR");
        assertThat(badPayPassword.code()).isEqualTo("PARAM_ERROR");
        assertThat(count("SELECT COUNT(*) FROM buyer WHERE phone = ?", phone)).isZero();
    }

    @Test
    void loginAnswersTheBuyerForTheRightPasswordAndLoginFailedOtherwise() {
        String phone = randomPhone();
        BuyerDTO buyer = register(phone);

        Result<BuyerDTO> ok = members.login(new BuyerLoginCmd(phone, PASSWORD));
        Result<BuyerDTO> wrongPassword = members.login(new BuyerLoginCmd(phone, "not the password"));
        Result<BuyerDTO> unknownPhone = members.login(new BuyerLoginCmd(randomPhone(), PASSWORD));

        assertThat(ok.data()).isEqualTo(buyer);
        assertThat(ok.data().phoneMasked()).isEqualTo(phone.substring(0, 3) + "****" + phone.substring(7));
        assertThat(ok.data().realNameStatus()).isEqualTo(RealNameStatus.UNVERIFIED);
        assertThat(wrongPassword.code()).isEqualTo("LOGIN_FAILED");
        assertThat(unknownPhone.code()).isEqualTo("LOGIN_FAILED");
        assertThat(wrongPassword.message()).isEqualTo(unknownPhone.message()); // never says which was wrong
        assertThat(members.getBuyer(buyer.buyerId()).data()).isEqualTo(buyer);
        assertThat(members.getBuyer("U1").code()).isEqualTo("BUYER_NOT_FOUND");
    }

    @Test
    void hashesAreStoredAndNeverThePasswords() {
        String phone = randomPhone();
        register(phone);

        List<String> stored = strings("SELECT login_pwd_hash, pay_pwd_hash FROM buyer WHERE phone = ?", phone);

        assertThat(stored).hasSize(2);
        assertThat(stored.get(0)).as("the login password: BCrypt").startsWith("$2a$");
        assertThat(stored.get(1)).as("the payment password: HMAC-SHA-256 under the run's pepper, key k1").startsWith("hs256$k1$");
        assertThat(stored).doesNotContain(PASSWORD, PAY_PASSWORD);
    }

    @Test
    void fiveWrongPayPasswordsLockAndThenEvenTheRightOneIsRefused() {
        BuyerDTO buyer = register(randomPhone());
        assertThat(verify(buyer, PAY_PASSWORD).data().verified()).isTrue();

        for (int left = 4; left >= 1; left--) {
            Result<PayPasswordVerdict> wrong = verify(buyer, WRONG_PAY_PASSWORD);
            assertThat(wrong.code()).isEqualTo("PAY_PASSWORD_WRONG");
            assertThat(wrong.message()).contains(left + " attempts left");
        }
        Result<PayPasswordVerdict> fifth = verify(buyer, WRONG_PAY_PASSWORD);
        Result<PayPasswordVerdict> sixthRight = verify(buyer, PAY_PASSWORD);

        assertThat(fifth.code()).isEqualTo("PAY_PASSWORD_LOCKED");
        assertThat(sixthRight.code()).isEqualTo("PAY_PASSWORD_LOCKED");
        assertThat(sixthRight.data()).isNull();
    }

    @Test
    void aRightPayPasswordResetsTheCount() {
        BuyerDTO buyer = register(randomPhone());
        verify(buyer, WRONG_PAY_PASSWORD);
        verify(buyer, WRONG_PAY_PASSWORD);

        assertThat(verify(buyer, PAY_PASSWORD).success()).isTrue();

        assertThat(verify(buyer, WRONG_PAY_PASSWORD).message()).contains("4 attempts left");
    }

    /**
     * With a read-modify-write counter concurrent attempts would read the same count, answer the
     * same "attempts left" and lose increments. Here every attempt that got past the lock check is
     * counted: the ones before the limit each see a different count, and the database holds exactly
     * as many failures as attempts that were answered "wrong".
     */
    @Test
    void tenConcurrentWrongPayPasswordsAreAllCounted() throws Exception {
        BuyerDTO buyer = register(randomPhone());

        List<Result<PayPasswordVerdict>> answers = concurrently(10, i -> verify(buyer, WRONG_PAY_PASSWORD));

        List<Integer> attemptsLeft = new ArrayList<>();
        int countedAndLocked = 0;
        for (Result<PayPasswordVerdict> answer : answers) {
            assertThat(answer.code()).isIn("PAY_PASSWORD_WRONG", "PAY_PASSWORD_LOCKED");
            if (answer.code().equals("PAY_PASSWORD_WRONG")) {
                Matcher left = ATTEMPTS_LEFT.matcher(answer.message());
                assertThat(left.find()).as(answer.message()).isTrue();
                attemptsLeft.add(Integer.parseInt(left.group(1)));
            } else if (answer.message().startsWith("wrong payment password")) {
                countedAndLocked++; // counted, and found the lock in place after counting
            }
        }
        assertThat(attemptsLeft).containsExactlyInAnyOrder(4, 3, 2, 1);
        assertThat(countedAndLocked).isGreaterThanOrEqualTo(1);
        assertThat(count("SELECT pay_pwd_failures FROM buyer WHERE id = ?", buyer.buyerId().substring(1)))
                .isEqualTo(attemptsLeft.size() + countedAndLocked);
        assertThat(count("SELECT COUNT(*) FROM buyer WHERE id = ? AND pay_locked_until > UTC_TIMESTAMP(3)",
                buyer.buyerId().substring(1))).isEqualTo(1);
        assertThat(verify(buyer, PAY_PASSWORD).code()).isEqualTo("PAY_PASSWORD_LOCKED");
    }

    // --- merchants ------------------------------------------------------------------------------

    @Test
    void onboardingIsIdempotentOnRequestNoAndRefusesOtherContent() throws Exception {
        String requestNo = randomRequestNo();
        String pem = rsaPublicKeyPem(2048);

        List<Result<MerchantDTO>> answers = concurrently(10, i ->
                merchants.onboard(new OnboardMerchantCmd(requestNo, "IT Shop", pem, null, null)));
        Result<MerchantDTO> other = merchants.onboard(new OnboardMerchantCmd(requestNo, "Another Shop", pem, null, null));

        Set<MerchantDTO> distinct = answers.stream()
                .peek(answer -> assertThat(answer.success()).as(answer.code() + " " + answer.message()).isTrue())
                .map(Result::data)
                .collect(Collectors.toSet());
        assertThat(distinct).hasSize(1);
        MerchantDTO merchant = distinct.iterator().next();
        assertThat(merchant.merchantId()).matches("M\\d+");
        assertThat(merchant.appId()).matches("app_[0-9a-f]{16}");
        assertThat(merchant.serialNo()).matches("[0-9A-F]{40}");
        assertThat(other.code()).isEqualTo("REQUEST_NO_USED");
        assertThat(count("SELECT COUNT(*) FROM merchant WHERE request_no = ?", requestNo)).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM merchant_app WHERE merchant_id = ?", merchant.merchantId())).isEqualTo(1);
        assertThat(merchants.getMerchant(merchant.merchantId()).data()).isEqualTo(merchant);
        assertThat(merchants.getMerchant("M1").code()).isEqualTo("MERCHANT_NOT_FOUND");
    }

    @Test
    void aBadPublicKeyIsParamErrorAndWritesNothing() throws Exception {
        String requestNo = randomRequestNo();

        Result<MerchantDTO> shortKey = merchants.onboard(
                new OnboardMerchantCmd(requestNo, "IT Shop", rsaPublicKeyPem(1024), null, null));
        Result<MerchantDTO> garbage = merchants.onboard(new OnboardMerchantCmd(requestNo, "IT Shop",
                "-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----\n", null, null));

        assertThat(shortKey.code()).isEqualTo("PARAM_ERROR");
        assertThat(shortKey.message()).contains("2048");
        assertThat(garbage.code()).isEqualTo("PARAM_ERROR");
        assertThat(count("SELECT COUNT(*) FROM merchant WHERE request_no = ?", requestNo)).isZero();
    }

    @Test
    void findAppKeyAnswersTheKeyBySerialAndAppNotFoundForAnUnknownSerial() throws Exception {
        String pem = rsaPublicKeyPem(2048);
        MerchantDTO merchant = onboard(pem, "app_it" + ThreadLocalRandom.current().nextInt(1_000_000));

        Result<AppKeyDTO> found = merchants.findAppKey(merchant.appId(), merchant.serialNo());
        Result<AppKeyDTO> unknownSerial = merchants.findAppKey(merchant.appId(), "0000000000000000000000000000000000000000");
        Result<AppKeyDTO> unknownApp = merchants.findAppKey("app_nobody", merchant.serialNo());

        assertThat(found.data().publicKeyPem()).isEqualTo(pem);
        assertThat(found.data().merchantId()).isEqualTo(merchant.merchantId());
        assertThat(found.data().validFrom()).isNotNull();
        assertThat(unknownSerial.code()).isEqualTo("APP_NOT_FOUND");
        assertThat(unknownApp.code()).isEqualTo("APP_NOT_FOUND");
    }

    @Test
    void keyRotationAddsAKeyBesideTheOldOneAndIsIdempotent() throws Exception {
        String oldPem = rsaPublicKeyPem(2048);
        String newPem = rsaPublicKeyPem(2048);
        MerchantDTO merchant = onboard(oldPem, null);

        Result<AppKeyDTO> added = merchants.addAppKey(new AddAppKeyCmd(merchant.appId(), null, newPem));
        Result<AppKeyDTO> again = merchants.addAppKey(new AddAppKeyCmd(merchant.appId(), null, newPem));
        Result<AppKeyDTO> takenSerial = merchants.addAppKey(new AddAppKeyCmd(merchant.appId(), merchant.serialNo(), newPem));
        Result<AppKeyDTO> unknownApp = merchants.addAppKey(new AddAppKeyCmd("app_nobody", null, newPem));

        assertThat(added.success()).as(added.code() + " " + added.message()).isTrue();
        assertThat(added.data().serialNo()).matches("[0-9A-F]{40}").isNotEqualTo(merchant.serialNo());
        assertThat(again.data()).isEqualTo(added.data());
        assertThat(takenSerial.code()).isEqualTo("PARAM_ERROR");
        assertThat(unknownApp.code()).isEqualTo("APP_NOT_FOUND");
        assertThat(merchants.findAppKey(merchant.appId(), merchant.serialNo()).data().publicKeyPem()).isEqualTo(oldPem);
        assertThat(merchants.findAppKey(merchant.appId(), added.data().serialNo()).data().publicKeyPem()).isEqualTo(newPem);
        assertThat(count("SELECT COUNT(*) FROM app_key WHERE app_id = ?", merchant.appId())).isEqualTo(2);
    }

    // --- helpers --------------------------------------------------------------------------------

    private BuyerDTO register(String phone) {
        Result<BuyerDTO> registered = members.registerBuyer(new RegisterBuyerCmd(phone, PASSWORD, PAY_PASSWORD, "IT"));
        assertThat(registered.success()).as(registered.code() + " " + registered.message()).isTrue();
        return registered.data();
    }

    private String phoneOf(BuyerDTO buyer) {
        return strings("SELECT phone FROM buyer WHERE id = ?", buyer.buyerId().substring(1)).get(0);
    }

    private Result<PayPasswordVerdict> verify(BuyerDTO buyer, String payPassword) {
        return members.verifyPayPassword(new VerifyPayPasswordCmd(buyer.buyerId(), payPassword));
    }

    private MerchantDTO onboard(String pem, String appId) {
        Result<MerchantDTO> onboarded = merchants.onboard(new OnboardMerchantCmd(randomRequestNo(), "IT Shop", pem, null, appId));
        assertThat(onboarded.success()).as(onboarded.code() + " " + onboarded.message()).isTrue();
        return onboarded.data();
    }

    private static String randomPhone() {
        return "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }

    private static String randomRequestNo() {
        return "IT-" + Long.toString(ThreadLocalRandom.current().nextLong(Long.MAX_VALUE), 36);
    }

    private static String rsaPublicKeyPem(int bits) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(bits);
        byte[] der = generator.generateKeyPair().getPublic().getEncoded();
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END PUBLIC KEY-----\n";
    }

    private interface Call<T> {
        T run(int i) throws Exception;
    }

    /** Runs n calls at once (all released together) and answers them in order. */
    private static <T> List<T> concurrently(int n, Call<T> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        try {
            List<Callable<T>> calls = IntStream.range(0, n)
                    .mapToObj(i -> (Callable<T>) () -> {
                        start.await();
                        return call.run(i);
                    })
                    .toList();
            List<Future<T>> futures = calls.stream().map(pool::submit).toList();
            start.countDown();
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private int count(String sql, String parameter) {
        return Integer.parseInt(strings(sql, parameter).get(0));
    }

    private List<String> strings(String sql, String parameter) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl("paysuite_member"), db.username(), db.password());
             PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parameter);
            try (ResultSet rs = ps.executeQuery()) {
                List<String> values = new ArrayList<>();
                while (rs.next()) {
                    for (int column = 1; column <= rs.getMetaData().getColumnCount(); column++) {
                        values.add(rs.getString(column));
                    }
                }
                return values;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
