package io.paysuite.channel.infra.payout;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.kit.seal.Seal;

/**
 * Seals a payout's full bank account number at rest: AES-256-GCM ({@code v1:} + Base64 of a random
 * 12-byte IV and the ciphertext with its tag), the payout number as associated data, so a sealed
 * number copied into another payout's row does not open. The key is derived by HMAC with a fixed
 * label from the suite's internal-call secret ({@code paysuite.internal-calls.secret-file}), which
 * every deployment already keeps in its secret store: a copy of the database alone reveals no account.
 * The sealing is the kit's {@link Seal}, as member-service's card-token vault uses it.
 */
public final class PayoutAccountSeal {

    private final Seal seal;

    /** Without the suite's secret no payout can be recorded: refused before anything is sent. */
    public static PayoutAccountSeal unavailable() {
        return new PayoutAccountSeal((Seal) null);
    }

    private PayoutAccountSeal(Seal seal) {
        this.seal = seal;
    }

    public PayoutAccountSeal(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the payout account seal needs a secret of at least 16 bytes");
        }
        this.seal = new Seal(Seal.derive(secret, "paysuite payout account seal v1"), "payout account");
    }

    public String seal(String payoutNo, String accountNo) {
        return available().seal(payoutNo, accountNo);
    }

    /** @throws IllegalStateException when the value was not sealed with this key for this payout */
    public String open(String payoutNo, String sealed) {
        return available().open(payoutNo, sealed);
    }

    private Seal available() {
        if (seal == null) {
            throw new BizException(ErrorCode.SERVICE_DEGRADED,
                    "payouts need paysuite.internal-calls.secret-file to seal account numbers; nothing was sent");
        }
        return seal;
    }
}
