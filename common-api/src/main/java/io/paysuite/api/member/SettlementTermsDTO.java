package io.paysuite.api.member;

import java.io.Serializable;

/**
 * How a merchant is settled, as every reader sees it: the cycle T+{@code cycleDays} and the bank
 * account masked to its last four digits ({@code null} fields when no account is set yet: then
 * settlements still move money to available, and nothing is paid out).
 *
 * @param notifyUrl where settlement notifications go (trades carry their own notify_url; settlements
 *                  have no order to carry one, so the merchant sets a default); null: not notified
 */
public record SettlementTermsDTO(String merchantId, int cycleDays, String bankAccount, String accountName, String bankName,
                                 String notifyUrl) implements Serializable {
}
