package io.paysuite.member.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.AppKeyRotationDTO;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.OnboardMerchantCmd;
import io.paysuite.api.member.RotateAppKeyCmd;
import io.paysuite.member.buyer.MutableClock;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AppKeyRotationTest {

    static final Instant T0 = Instant.parse("2025-01-01T00:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final InMemoryMerchants store = new InMemoryMerchants();
    final MerchantOnboarding onboarding = new MerchantOnboarding(store, new MerchantIds(new SecureRandom()), clock);
    final AppKeyRegistry keys = new AppKeyRegistry(store, clock);

    @Test
    void theOldKeyVerifiesUntilTheGraceEndsAndTheNewOneFromNowOn() {
        MerchantDTO merchant = onboarding.onboard(new OnboardMerchantCmd("REQ-ROT-1", "Shop", TestKeys.RSA_2048, null, null));

        AppKeyRotationDTO rotated = keys.rotate(new RotateAppKeyCmd(merchant.appId(), TestKeys.RSA_2048_OTHER, Duration.ofHours(24)));

        assertThat(rotated.othersRetiring()).isEqualTo(1);
        assertThat(rotated.othersValidUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));
        assertThat(keys.find(merchant.appId(), rotated.key().serialNo()).publicKeyPem()).isEqualTo(TestKeys.RSA_2048_OTHER);
        assertThat(keys.find(merchant.appId(), merchant.serialNo()).validUntil()).isEqualTo(T0.plus(Duration.ofHours(24)));

        clock.advance(Duration.ofHours(24));
        assertThatThrownBy(() -> keys.find(merchant.appId(), merchant.serialNo()))
                .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.APP_NOT_FOUND));
        assertThat(keys.find(merchant.appId(), rotated.key().serialNo())).isNotNull();
    }

    @Test
    void aRepeatChangesNothingAndNeverLengthensAnOldKeysLife() {
        MerchantDTO merchant = onboarding.onboard(new OnboardMerchantCmd("REQ-ROT-2", "Shop", TestKeys.RSA_2048, null, null));
        AppKeyRotationDTO first = keys.rotate(new RotateAppKeyCmd(merchant.appId(), TestKeys.RSA_2048_OTHER, Duration.ofHours(1)));

        clock.advance(Duration.ofMinutes(30));
        AppKeyRotationDTO repeat = keys.rotate(new RotateAppKeyCmd(merchant.appId(), TestKeys.RSA_2048_OTHER, Duration.ofHours(1)));

        assertThat(repeat.key()).isEqualTo(first.key());
        assertThat(repeat.othersRetiring()).isZero();
        assertThat(keys.find(merchant.appId(), merchant.serialNo()).validUntil()).isEqualTo(T0.plus(Duration.ofHours(1)));
    }

    @Test
    void aGraceOutsideZeroToThirtyDaysIsRefused() {
        MerchantDTO merchant = onboarding.onboard(new OnboardMerchantCmd("REQ-ROT-3", "Shop", TestKeys.RSA_2048, null, null));

        for (Duration grace : new Duration[] {Duration.ofSeconds(-1), Duration.ofDays(31), null}) {
            assertThatThrownBy(() -> keys.rotate(new RotateAppKeyCmd(merchant.appId(), TestKeys.RSA_2048_OTHER, grace)))
                    .isInstanceOfSatisfying(BizException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.PARAM_ERROR));
        }
    }
}
