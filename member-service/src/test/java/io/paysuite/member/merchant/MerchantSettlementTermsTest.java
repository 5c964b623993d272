package io.paysuite.member.merchant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.paysuite.api.error.BizException;
import io.paysuite.api.member.RealNameStatus;
import io.paysuite.api.member.SettlementTermsCmd;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MerchantSettlementTermsTest {

    static final Instant AT = Instant.parse("2026-12-06T01:00:00Z");
    static final String MERCHANT = "M10000001";

    final MerchantRepository merchants = mock(MerchantRepository.class);
    final Map<String, SettlementTerms> rows = new HashMap<>();
    final SettlementTermsRepository stored = new SettlementTermsRepository() {
        @Override
        public void save(SettlementTerms terms, Instant at) {
            rows.put(terms.merchantId(), terms);
        }

        @Override
        public Optional<SettlementTerms> find(String merchantId) {
            return Optional.ofNullable(rows.get(merchantId));
        }
    };
    final MerchantSettlementTerms terms = new MerchantSettlementTerms(merchants, stored, Clock.fixed(AT, ZoneOffset.UTC));

    MerchantSettlementTermsTest() {
        when(merchants.findByMerchantId(anyString())).thenReturn(Optional.empty());
        when(merchants.findByMerchantId(MERCHANT)).thenReturn(Optional.of(new Merchant(MERCHANT, "Shop", RealNameStatus.UNVERIFIED,
                true, "REQ-1", "d", "app_x", "S1", AT)));
    }

    @Test
    void aMerchantThatNeverSetTermsIsSettledTPlusOneWithoutAnAccount() {
        var read = terms.get(MERCHANT);

        assertThat(read.cycleDays()).isEqualTo(1);
        assertThat(read.bankAccount()).isNull();
        assertThatThrownBy(() -> terms.account(MERCHANT)).isInstanceOf(BizException.class).hasMessageContaining("no settlement account");
    }

    @Test
    void theAccountIsAnsweredMaskedEverywhereButToThePayout() {
        var set = terms.set(new SettlementTermsCmd(MERCHANT, 2, "6222020000000006001", "Shop Ltd", "Demo Bank", "https://shop.example/n"));

        assertThat(set.bankAccount()).isEqualTo("****6001");
        assertThat(terms.get(MERCHANT).bankAccount()).isEqualTo("****6001");
        assertThat(terms.get(MERCHANT).toString()).doesNotContain("62220200");
        assertThat(terms.get(MERCHANT).cycleDays()).isEqualTo(2);
        assertThat(terms.account(MERCHANT).accountNo()).isEqualTo("6222020000000006001");
        assertThat(terms.account(MERCHANT).toString()).doesNotContain("6222020000000006001");
    }

    @Test
    void badTermsAreRefusedAndAnUnknownMerchantIsNotFound() {
        assertThatThrownBy(() -> terms.set(new SettlementTermsCmd(MERCHANT, 0, "6222020000000006001", "Shop", "Bank", null)))
                .hasMessageContaining("cycle_days");
        assertThatThrownBy(() -> terms.set(new SettlementTermsCmd(MERCHANT, 1, "6222-0200", "Shop", "Bank", null)))
                .hasMessageContaining("account_no");
        assertThatThrownBy(() -> terms.set(new SettlementTermsCmd(MERCHANT, 1, "6222020000000006001", "Shop", "Bank", "ftp://x")))
                .hasMessageContaining("notify_url");
        assertThatThrownBy(() -> terms.get("M99999999")).isInstanceOf(BizException.class)
                .satisfies(e -> assertThat(((BizException) e).code().code()).isEqualTo("MERCHANT_NOT_FOUND"));
    }
}
