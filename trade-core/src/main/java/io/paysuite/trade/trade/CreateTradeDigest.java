package io.paysuite.trade.trade;

import io.paysuite.api.trade.CreateTradeCmd;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * SHA-256 (hex) of everything a merchant says in a create request. Two requests with the same
 * merchant order number are "the same" exactly when their digests are equal. Each field is
 * written length-prefixed, so no two different requests share an encoding; null is distinct from
 * the empty string. Changing this encoding turns every stored repeat into a conflict: add a new
 * version instead.
 */
public final class CreateTradeDigest {

    private CreateTradeDigest() {
    }

    public static String of(CreateTradeCmd cmd) {
        StringBuilder canonical = new StringBuilder("v1");
        Arrays.asList(
                cmd.merchantId(),
                cmd.outTradeNo(),
                cmd.tradeType() == null ? null : cmd.tradeType().name(),
                cmd.amount() == null ? null : Long.toString(cmd.amount().minor()),
                cmd.amount() == null ? null : cmd.amount().currency(),
                cmd.subject(),
                cmd.buyerId(),
                cmd.notifyUrl(),
                cmd.returnUrl(),
                cmd.attach(),
                Objects.toString(cmd.timeExpire() == null ? null : cmd.timeExpire().toEpochMilli(), null))
                .forEach(field -> canonical.append('|').append(field == null ? "-" : field.length() + ":" + field));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("SHA-256 is required of every JVM", impossible);
        }
    }
}
