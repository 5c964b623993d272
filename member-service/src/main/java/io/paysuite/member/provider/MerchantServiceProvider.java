package io.paysuite.member.provider;

import io.paysuite.api.common.Result;
import io.paysuite.api.member.AddAppKeyCmd;
import io.paysuite.api.member.AppKeyDTO;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.OnboardMerchantCmd;
import io.paysuite.member.merchant.AppKeyRegistry;
import io.paysuite.member.merchant.MerchantFinder;
import io.paysuite.member.merchant.MerchantOnboarding;
import org.apache.dubbo.config.annotation.DubboService;

/** {@link MerchantService} over Dubbo (no group: consumers reference it without one); each call goes to one executor. */
@DubboService
public class MerchantServiceProvider implements MerchantService {

    private final MerchantOnboarding onboarding;
    private final MerchantFinder finder;
    private final AppKeyRegistry keys;

    public MerchantServiceProvider(MerchantOnboarding onboarding, MerchantFinder finder, AppKeyRegistry keys) {
        this.onboarding = onboarding;
        this.finder = finder;
        this.keys = keys;
    }

    @Override
    public Result<MerchantDTO> onboard(OnboardMerchantCmd cmd) {
        return ErrorBoundary.answer("MerchantService.onboard", () -> onboarding.onboard(cmd));
    }

    @Override
    public Result<MerchantDTO> getMerchant(String merchantId) {
        return ErrorBoundary.answer("MerchantService.getMerchant", () -> finder.get(merchantId));
    }

    @Override
    public Result<AppKeyDTO> findAppKey(String appId, String serialNo) {
        return ErrorBoundary.answer("MerchantService.findAppKey", () -> keys.find(appId, serialNo));
    }

    @Override
    public Result<AppKeyDTO> addAppKey(AddAppKeyCmd cmd) {
        return ErrorBoundary.answer("MerchantService.addAppKey", () -> keys.add(cmd));
    }
}
