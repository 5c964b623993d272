package io.paysuite.cashier.page.wallet;

import java.util.List;

/**
 * What the page says about the buyer's last action ({@code data-testid="wallet-result"}): a message key with
 * its arguments, and a status word the text always carries ({@code SUCCESS}, {@code PROCESSING}, {@code FAILED}).
 */
public record WalletResult(String messageKey, List<Object> args, String status) {

    public static WalletResult of(String status, String messageKey, Object... args) {
        return new WalletResult(messageKey, List.of(args), status);
    }

    public Object[] params() {
        return args.toArray();
    }
}
