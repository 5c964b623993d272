package io.paysuite.member.provider;

import io.paysuite.api.ApiVersion;
import io.paysuite.api.common.Result;
import io.paysuite.api.member.AddAppKeyCmd;
import io.paysuite.api.member.AppKeyDTO;
import io.paysuite.api.member.AppKeyRotationDTO;
import io.paysuite.api.member.RotateAppKeyCmd;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.OnboardMerchantCmd;
import io.paysuite.api.member.SettlementAccountDTO;
import io.paysuite.api.member.SettlementTermsCmd;
import io.paysuite.api.member.SettlementTermsDTO;
import io.paysuite.member.merchant.AppKeyRegistry;
import io.paysuite.member.merchant.MerchantFinder;
import io.paysuite.member.merchant.MerchantOnboarding;
import io.paysuite.member.merchant.MerchantSettlementTerms;
import org.apache.dubbo.config.annotation.DubboService;

/**
 * {@link MerchantService} over Dubbo (no group: consumers reference it without one); each call goes to one
 * executor, and what it throws is answered by the kit's {@code ErrorBoundaryFilter}, which never
 * logs arguments (they may carry passwords).
 */
@DubboService(version = ApiVersion.DUBBO)
public class MerchantServiceProvider implements MerchantService {

    private final MerchantOnboarding onboarding;
    private final MerchantFinder finder;
    private final AppKeyRegistry keys;
    private final MerchantSettlementTerms settlementTerms;

    public MerchantServiceProvider(MerchantOnboarding onboarding, MerchantFinder finder, AppKeyRegistry keys,
                                   MerchantSettlementTerms settlementTerms) {
        this.onboarding = onboarding;
        this.finder = finder;
        this.keys = keys;
        this.settlementTerms = settlementTerms;
    }

    @Override
    public Result<MerchantDTO> onboard(OnboardMerchantCmd cmd) {
        return Result.ok(onboarding.onboard(cmd));
    }

    @Override
    public Result<MerchantDTO> getMerchant(String merchantId) {
        return Result.ok(finder.get(merchantId));
    }

    @Override
    public Result<AppKeyDTO> findAppKey(String appId, String serialNo) {
        return Result.ok(keys.find(appId, serialNo));
    }

    @Override
    public Result<AppKeyDTO> addAppKey(AddAppKeyCmd cmd) {
        return Result.ok(keys.add(cmd));
    }

    @Override
    public Result<AppKeyRotationDTO> rotateAppKey(RotateAppKeyCmd cmd) {
        return Result.ok(keys.rotate(cmd));
    }

    @Override
    public Result<SettlementTermsDTO> settlementTerms(String merchantId) {
        return Result.ok(settlementTerms.get(merchantId));
    }

    @Override
    public Result<SettlementTermsDTO> setSettlementTerms(SettlementTermsCmd cmd) {
        return Result.ok(settlementTerms.set(cmd));
    }

    @Override
    public Result<SettlementAccountDTO> settlementAccount(String merchantId) {
        return Result.ok(settlementTerms.account(merchantId));
    }
}
