package io.paysuite.member.infra.merchant;

import io.paysuite.member.infra.DbTime;
import io.paysuite.member.infra.card.CardTokenVault;
import io.paysuite.member.merchant.SettlementTerms;
import io.paysuite.member.merchant.SettlementTermsRepository;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * {@link SettlementTermsRepository} over {@code merchant_settlement_terms}. The account number is
 * sealed with the same vault as card tokens (AES-256-GCM; the associated data names the merchant's
 * settlement account, so a sealed value copied to another merchant or into a card row does not open).
 */
@Repository
public class MyBatisSettlementTermsRepository implements SettlementTermsRepository {

    private final SettlementTermsMapper mapper;
    private final CardTokenVault vault;

    public MyBatisSettlementTermsRepository(SettlementTermsMapper mapper, CardTokenVault vault) {
        this.mapper = mapper;
        this.vault = vault;
    }

    @Override
    public void save(SettlementTerms terms, Instant at) {
        SettlementTermsMapper.Row row = new SettlementTermsMapper.Row();
        row.merchantId = terms.merchantId();
        row.cycleDays = terms.cycleDays();
        row.accountSealed = terms.accountNo() == null ? null : vault.seal(owner(terms.merchantId()), terms.accountNo());
        row.accountLast4 = terms.accountNo() == null ? null
                : terms.accountNo().substring(Math.max(0, terms.accountNo().length() - 4));
        row.accountName = terms.accountName();
        row.bankName = terms.bankName();
        row.notifyUrl = terms.notifyUrl();
        row.updatedAt = DbTime.utc(at);
        mapper.upsert(row);
    }

    @Override
    public Optional<SettlementTerms> find(String merchantId) {
        return Optional.ofNullable(mapper.find(merchantId)).map(row -> new SettlementTerms(row.merchantId, row.cycleDays,
                row.accountSealed == null ? null : vault.open(owner(row.merchantId), row.accountSealed), row.accountName,
                row.bankName, row.notifyUrl));
    }

    private static String owner(String merchantId) {
        return "settlement-account:" + merchantId;
    }
}
