package io.paysuite.api.member;

import java.io.Serializable;

/** A successful payment-password check; failures are error codes, not verdicts. */
public record PayPasswordVerdict(String buyerId, boolean verified) implements Serializable {
}
