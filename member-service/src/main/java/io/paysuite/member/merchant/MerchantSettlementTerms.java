package io.paysuite.member.merchant;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.member.SettlementAccountDTO;
import io.paysuite.api.member.SettlementTermsCmd;
import io.paysuite.api.member.SettlementTermsDTO;
import java.net.URI;
import java.time.Clock;
import java.util.regex.Pattern;

/**
 * Reads and sets merchants' settlement terms: the cycle T+N (default T+1), the bank account
 * (answered masked, except to the payout) and the default notify URL of settlement notifications.
 */
public final class MerchantSettlementTerms {

    static final int MAX_CYCLE_DAYS = 30;
    private static final Pattern ACCOUNT_NO = Pattern.compile("[0-9]{8,32}");

    private final MerchantRepository merchants;
    private final SettlementTermsRepository terms;
    private final Clock clock;

    public MerchantSettlementTerms(MerchantRepository merchants, SettlementTermsRepository terms, Clock clock) {
        this.merchants = merchants;
        this.terms = terms;
        this.clock = clock;
    }

    public SettlementTermsDTO get(String merchantId) {
        return stored(merchantId).masked();
    }

    public SettlementTermsDTO set(SettlementTermsCmd cmd) {
        if (cmd == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "settlement terms are required");
        }
        requireMerchant(cmd.merchantId());
        if (cmd.cycleDays() < 1 || cmd.cycleDays() > MAX_CYCLE_DAYS) {
            throw new BizException(ErrorCode.PARAM_ERROR, "cycle_days must be 1 to " + MAX_CYCLE_DAYS);
        }
        if (cmd.accountNo() == null || !ACCOUNT_NO.matcher(cmd.accountNo()).matches()) {
            throw new BizException(ErrorCode.PARAM_ERROR, "account_no must be 8 to 32 digits");
        }
        requireText(cmd.accountName(), "account_name");
        requireText(cmd.bankName(), "bank_name");
        if (cmd.notifyUrl() != null && !httpUrl(cmd.notifyUrl())) {
            throw new BizException(ErrorCode.PARAM_ERROR, "notify_url must be an http(s) URL");
        }
        SettlementTerms set = new SettlementTerms(cmd.merchantId(), cmd.cycleDays(), cmd.accountNo(), cmd.accountName().strip(),
                cmd.bankName().strip(), cmd.notifyUrl());
        terms.save(set, clock.instant());
        return set.masked();
    }

    public SettlementAccountDTO account(String merchantId) {
        SettlementTerms stored = stored(merchantId);
        if (stored.accountNo() == null) {
            throw new BizException(ErrorCode.MERCHANT_NOT_FOUND, "merchant " + merchantId + " has no settlement account");
        }
        return stored.account();
    }

    private SettlementTerms stored(String merchantId) {
        requireMerchant(merchantId);
        return terms.find(merchantId).orElseGet(() -> SettlementTerms.defaults(merchantId));
    }

    private void requireMerchant(String merchantId) {
        if (merchantId == null || !MerchantIds.isMerchantId(merchantId) || merchants.findByMerchantId(merchantId).isEmpty()) {
            throw new BizException(ErrorCode.MERCHANT_NOT_FOUND, "no merchant " + merchantId);
        }
    }

    private static void requireText(String value, String field) {
        if (value == null || value.isBlank() || value.length() > 128) {
            throw new BizException(ErrorCode.PARAM_ERROR, field + " is required (at most 128 characters)");
        }
    }

    private static boolean httpUrl(String url) {
        try {
            URI uri = URI.create(url);
            return url.length() <= 512 && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
