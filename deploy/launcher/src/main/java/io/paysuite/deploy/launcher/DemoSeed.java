package io.paysuite.deploy.launcher;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.PostingCmd;
import io.paysuite.api.ledger.PostingLine;
import io.paysuite.api.member.BindCardCmd;
import io.paysuite.api.member.BoundCardDTO;
import io.paysuite.api.member.BuyerDTO;
import io.paysuite.api.member.CardType;
import io.paysuite.api.member.MemberService;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.SettlementTermsCmd;
import io.paysuite.api.member.OnboardMerchantCmd;
import io.paysuite.api.member.RegisterBuyerCmd;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponTemplateDTO;
import io.paysuite.api.promotion.IssueCouponCmd;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.kit.access.InternalCallers;
import io.paysuite.kit.shadow.ShadowContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.function.Supplier;
import org.apache.dubbo.config.ApplicationConfig;
import org.apache.dubbo.config.ReferenceConfig;
import org.apache.dubbo.config.RegistryConfig;
import org.apache.dubbo.config.bootstrap.DubboBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local run's demo data (API.md, "Local demo"): the merchant {@code app_demo} with an RSA
 * key pair whose private half is written to {@code demo-merchant.pem}, three buyers with funded
 * wallets and one bound bank card each, listed in {@code demo-buyers.json}, and an ops token. Every
 * step is idempotent (fixed request numbers, phones, posting keys and card tokens) and the key and
 * token are kept across runs, so a restarted local run finds the same credentials.
 *
 * <p>The cards are bound directly with made-up UnionPay tokens (there is no token-open flow yet);
 * their tokens end {@code 0000}, which the channel sandbox settles. {@code demo-buyers.json} keeps
 * its documented fields and adds {@code cards} (card id, masked number, bank), never a token.
 * Every buyer also gets two coupons and points ({@link DemoPromotions}), listed as {@code coupons} and
 * {@code points}.
 */
public final class DemoSeed {

    static final String MERCHANT_ID = "M100000001";
    static final String APP_ID = "app_demo";
    /** The demo merchant's settlement bank account (answered masked: ****6001). */
    static final String DEMO_BANK_ACCOUNT = "6222020000000006001";
    private static final long WALLET_MINOR = 1_000_000; // 10 000.00 CNY each
    private static final String CARD_MASKED_PAN = "6222 **** **** 0000";
    private static final String CARD_BANK = "Paysuite Demo Bank";
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private record DemoBuyer(String phone, String password, String payPassword) {
    }

    private static final List<DemoBuyer> BUYERS = List.of(
            new DemoBuyer("13800000001", "demo-pass-1", "111111"),
            new DemoBuyer("13800000002", "demo-pass-2", "222222"),
            new DemoBuyer("13800000003", "demo-pass-3", "333333"));

    private static final String OPS_TOOLS = "ops-tools";

    private DemoSeed() {
    }

    /** Seeds through the services of {@code suite}; failures are logged, never fatal to the local run. */
    public static void seed(Suite suite, Path dir) {
        DubboBootstrap dubbo = DubboBootstrap.newInstance();
        try {
            // the operators' tools: an allowed caller of the ledger's writes, proven by the run's secret
            InternalCallers.register(OPS_TOOLS, InternalCallers.readSecret(RunKeys.internalCall(suite.config().workDir())));
            ApplicationConfig application = new ApplicationConfig(OPS_TOOLS);
            application.setQosEnable(false);
            dubbo.application(application).registry(new RegistryConfig(suite.infra().registryAddress())).start();
            MerchantService merchants = reference(dubbo, MerchantService.class);
            MemberService members = reference(dubbo, MemberService.class);
            LedgerService ledger = reference(dubbo, LedgerService.class);
            CouponService coupons = reference(dubbo, CouponService.class);
            PointsService points = reference(dubbo, PointsService.class);

            String publicKeyPem = keyPair(dir);
            MerchantDTO merchant = retry(() -> merchants.onboard(new OnboardMerchantCmd("DEMO-MERCHANT-1", "Paysuite Demo Shop",
                    publicKeyPem, MERCHANT_ID, APP_ID)));
            // settled T+1 to a demo bank account (the sandbox's payout channel pays any account); no settlement notify URL
            retry(() -> merchants.setSettlementTerms(new SettlementTermsCmd(merchant.merchantId(), 1, DEMO_BANK_ACCOUNT,
                    "Paysuite Demo Shop Ltd", "Demo Bank", null)));
            Files.writeString(dir.resolve("demo-merchant.json"), """
                    {"merchant_id": "%s", "app_id": "%s", "serial_no": "%s"}
                    """.formatted(merchant.merchantId(), merchant.appId(), merchant.serialNo()));

            List<CouponTemplateDTO> templates = List.of(
                    retry(() -> coupons.createTemplate(DemoPromotions.platformFiveOff())),
                    retry(() -> coupons.createTemplate(DemoPromotions.merchantTenPercent(merchant.merchantId()))));
            List<String> entries = new ArrayList<>();
            for (DemoBuyer b : BUYERS) {
                BuyerDTO buyer = retry(() -> members.registerBuyer(new RegisterBuyerCmd(b.phone(), b.password(), b.payPassword(), "demo")));
                retry(() -> ledger.post(new PostingCmd("DEMO-FUND-" + b.phone(), "FUNDING", buyer.buyerId(), "CNY", List.of(
                        new PostingLine(new AccountRef(AccountType.PLATFORM_FUNDING, AccountRef.PLATFORM, "CNY"),
                                AccountType.Side.DEBIT, WALLET_MINOR),
                        new PostingLine(new AccountRef(AccountType.BUYER_WALLET, buyer.buyerId(), "CNY"),
                                AccountType.Side.CREDIT, WALLET_MINOR)), "demo wallet")));
                BoundCardDTO card = retry(() -> members.bindCard(new BindCardCmd(buyer.buyerId(), cardToken(b), CARD_MASKED_PAN,
                        CARD_BANK, CardType.DEBIT)));
                List<CouponDTO> issued = new ArrayList<>();
                for (int i = 0; i < templates.size(); i++) {
                    IssueCouponCmd issue = new IssueCouponCmd(templates.get(i).templateId(), buyer.buyerId(),
                            DemoPromotions.couponRequestNo(b.phone(), i + 1));
                    issued.add(retry(() -> coupons.issue(issue)));
                }
                PointsAccountDTO account = retry(() -> points.grant(new PointsGrantCmd(buyer.buyerId(), DemoPromotions.POINTS, null,
                        "DEMO-POINTS-" + b.phone(), "demo points")));
                entries.add("""
                          {"buyer_id": "%s", "phone": "%s", "password": "%s", "pay_password": "%s",
                           "cards": [{"card_id": "%s", "masked_pan": "%s", "bank_name": "%s"}],
                           "coupons": %s, "points": %d}""".formatted(
                        buyer.buyerId(), b.phone(), b.password(), b.payPassword(), card.cardId(), card.maskedPan(), card.bankName(),
                        DemoPromotions.json(issued), account.available()));
            }
            Files.writeString(dir.resolve("demo-buyers.json"), "[\n" + String.join(",\n", entries) + "\n]\n");
            log.info("demo data ready: merchant {} app {}, {} buyers with wallets, bound cards, coupons and points", merchant.merchantId(), APP_ID,
                    BUYERS.size());
        } catch (Exception e) {
            log.error("demo data could not be seeded; the suite runs without it", e);
        } finally {
            dubbo.destroy();
        }
    }

    /**
     * The same demo data on the shadow side, for load tests ({@code bin/bench --shadow}): the seed runs again with
     * the load-test mark set, so every call lands in the services' shadow databases, and writes its files to
     * {@code dir/shadow}. The merchant keeps the same key pair ({@code demo-merchant.pem} is copied), so the load
     * tool signs as it always does; buyers get the ids the shadow side gives them, listed in
     * {@code shadow/demo-buyers.json}. Run after {@link #seed}.
     */
    public static void seedShadow(Suite suite, Path dir) {
        Path shadowDir = dir.resolve(SHADOW_DIR);
        try {
            Files.createDirectories(shadowDir);
            // the same merchant key, and the cashier's TLS certificate the load tool trusts
            for (String shared : List.of("demo-merchant.pem", "keys/tls-cert.pem")) {
                Path from = dir.resolve(shared);
                if (Files.exists(from)) {
                    Files.createDirectories(shadowDir.resolve(shared).getParent());
                    Files.copy(from, shadowDir.resolve(shared), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (java.io.IOException e) {
            log.error("shadow demo data could not be prepared; load tests have no merchant", e);
            return;
        }
        try (ShadowContext.Scope load = ShadowContext.enter()) {
            seed(suite, shadowDir);
        }
    }

    /** Where {@link #seedShadow} writes the shadow side's demo files, under the run directory. */
    public static final String SHADOW_DIR = "shadow";

    /** A fixed token per buyer (rebinding it is a repeat); the sandbox settles tokens ending 0000. */
    private static String cardToken(DemoBuyer buyer) {
        return "DEMO" + buyer.phone() + "0000";
    }

    /** The demo merchant's key pair: created once, its private key kept in {@code demo-merchant.pem}. */
    private static String keyPair(Path dir) throws Exception {
        Path pem = dir.resolve("demo-merchant.pem");
        KeyFactory rsa = KeyFactory.getInstance("RSA");
        RSAPrivateCrtKey privateKey;
        if (Files.exists(pem)) {
            String body = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        } else {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            privateKey = (RSAPrivateCrtKey) pair.getPrivate();
            Files.writeString(pem, pemOf("PRIVATE KEY", privateKey.getEncoded()));
        }
        byte[] publicDer = rsa.generatePublic(new RSAPublicKeySpec(privateKey.getModulus(), privateKey.getPublicExponent())).getEncoded();
        return pemOf("PUBLIC KEY", publicDer);
    }

    private static String pemOf(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static <T> T reference(DubboBootstrap dubbo, Class<T> api) {
        ReferenceConfig<T> reference = new ReferenceConfig<>();
        reference.setInterface(api);
        reference.setVersion(ApiVersion.DUBBO);
        reference.setCheck(false);
        reference.setTimeout(15_000);
        reference.setRetries(0);
        dubbo.reference(reference);
        return reference.get();
    }

    /** The services registered moments ago; give the registry a little time to be read. */
    private static <T> T retry(Supplier<Result<T>> call) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        RuntimeException last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                Result<T> result = call.get();
                if (result.success()) {
                    return result.data();
                }
                throw new IllegalStateException(result.code() + ": " + result.message());
            } catch (RuntimeException e) {
                last = e;
                Thread.sleep(1_000);
            }
        }
        throw last;
    }
}
