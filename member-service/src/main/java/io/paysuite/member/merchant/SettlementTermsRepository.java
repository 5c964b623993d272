package io.paysuite.member.merchant;

import java.time.Instant;
import java.util.Optional;

/** Merchants' settlement terms; implemented in {@code infra.merchant} (the account number sealed at rest). */
public interface SettlementTermsRepository {

    /** Inserts or replaces the merchant's terms. */
    void save(SettlementTerms terms, Instant at);

    Optional<SettlementTerms> find(String merchantId);
}
