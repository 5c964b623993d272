package io.paysuite.member.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.AddAppKeyCmd;
import io.paysuite.api.member.AppKeyDTO;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.OnboardMerchantCmd;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MerchantOnboardingTest {

    private final Clock clock = Clock.fixed(Instant.parse("2025-01-01T00:00:00Z"), ZoneOffset.UTC);
    private final InMemoryMerchants store = new InMemoryMerchants();
    private final MerchantOnboarding onboarding = new MerchantOnboarding(store, new MerchantIds(new SecureRandom()), clock);
    private final AppKeyRegistry keys = new AppKeyRegistry(store, clock);

    @Test
    void onboardingCreatesAMerchantWithAGeneratedAppAndSerial() {
        MerchantDTO merchant = onboarding.onboard(cmd("REQ-000001", "Shop", TestKeys.RSA_2048));

        assertThat(merchant.merchantId()).matches("M\\d+");
        assertThat(merchant.appId()).matches("app_[0-9a-f]{16}");
        assertThat(merchant.serialNo()).matches("[0-9A-F]{40}");
        assertThat(merchant.enabled()).isTrue();
        assertThat(keys.find(merchant.appId(), merchant.serialNo()).publicKeyPem()).isEqualTo(TestKeys.RSA_2048);
    }

    @Test
    void aRepeatWithTheSameContentAnswersTheFirstMerchant() {
        MerchantDTO first = onboarding.onboard(cmd("REQ-000002", "Shop", TestKeys.RSA_2048));

        MerchantDTO repeat = onboarding.onboard(cmd("REQ-000002", "Shop", TestKeys.RSA_2048.replace("\n", "\r\n")));

        assertThat(repeat).isEqualTo(first);
        assertThat(store.byRequestNo).hasSize(1);
    }

    @Test
    void theSameRequestNoWithOtherContentIsRequestNoUsed() {
        onboarding.onboard(cmd("REQ-000003", "Shop", TestKeys.RSA_2048));

        assertCode(() -> onboarding.onboard(cmd("REQ-000003", "Other shop", TestKeys.RSA_2048)), ErrorCode.REQUEST_NO_USED);
        assertCode(() -> onboarding.onboard(cmd("REQ-000003", "Shop", TestKeys.RSA_2048_OTHER)), ErrorCode.REQUEST_NO_USED);
    }

    @Test
    void aBadKeyIsParamErrorAndWritesNothing() {
        assertCode(() -> onboarding.onboard(cmd("REQ-000004", "Shop", TestKeys.RSA_1024)), ErrorCode.PARAM_ERROR);
        assertCode(() -> onboarding.onboard(cmd("REQ-000004", "Shop", "not a key")), ErrorCode.PARAM_ERROR);

        assertThat(store.byRequestNo).isEmpty();
        assertThat(store.bySerial).isEmpty();
    }

    @Test
    void aChosenAppIdAlreadyTakenIsRefused() {
        onboarding.onboard(new OnboardMerchantCmd("REQ-000005", "Shop", TestKeys.RSA_2048, null, "app_demo"));

        assertCode(() -> onboarding.onboard(new OnboardMerchantCmd("REQ-000006", "Shop", TestKeys.RSA_2048, null, "app_demo")),
                ErrorCode.PARAM_ERROR);
    }

    @Test
    void keyRotationAddsASecondKeyAndIsIdempotentOnAppAndSerial() {
        MerchantDTO merchant = onboarding.onboard(cmd("REQ-000007", "Shop", TestKeys.RSA_2048));

        AppKeyDTO added = keys.add(new AddAppKeyCmd(merchant.appId(), null, TestKeys.RSA_2048_OTHER));
        AppKeyDTO again = keys.add(new AddAppKeyCmd(merchant.appId(), null, TestKeys.RSA_2048_OTHER));

        assertThat(again).isEqualTo(added);
        assertThat(added.merchantId()).isEqualTo(merchant.merchantId());
        assertThat(keys.find(merchant.appId(), merchant.serialNo()).publicKeyPem()).isEqualTo(TestKeys.RSA_2048);
        assertThat(keys.find(merchant.appId(), added.serialNo()).publicKeyPem()).isEqualTo(TestKeys.RSA_2048_OTHER);
        assertCode(() -> keys.add(new AddAppKeyCmd(merchant.appId(), added.serialNo(), TestKeys.RSA_2048)),
                ErrorCode.PARAM_ERROR);
    }

    @Test
    void unknownAppsSerialsAndDisabledMerchantsAreAppNotFound() {
        MerchantDTO merchant = onboarding.onboard(cmd("REQ-000008", "Shop", TestKeys.RSA_2048));

        assertCode(() -> keys.find(merchant.appId(), "0123456789ABCDEF0123456789ABCDEF01234567"), ErrorCode.APP_NOT_FOUND);
        assertCode(() -> keys.find("app_unknown", merchant.serialNo()), ErrorCode.APP_NOT_FOUND);
        assertCode(() -> keys.find(merchant.appId(), "../etc"), ErrorCode.APP_NOT_FOUND);
        assertCode(() -> keys.add(new AddAppKeyCmd("app_unknown", null, TestKeys.RSA_2048)), ErrorCode.APP_NOT_FOUND);

        store.disabledMerchants.add(merchant.merchantId());
        assertCode(() -> keys.find(merchant.appId(), merchant.serialNo()), ErrorCode.APP_NOT_FOUND);
    }

    private static OnboardMerchantCmd cmd(String requestNo, String name, String pem) {
        return new OnboardMerchantCmd(requestNo, name, pem, null, null);
    }

    private static void assertCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, ErrorCode code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(code));
    }
}
