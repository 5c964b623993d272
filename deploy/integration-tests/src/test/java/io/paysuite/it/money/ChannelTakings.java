package io.paysuite.it.money;

import com.fasterxml.jackson.databind.JsonNode;
import io.paysuite.api.channel.ChannelCode;
import io.paysuite.api.ledger.AccountRef;
import io.paysuite.api.ledger.AccountType;
import io.paysuite.it.channel.SandboxControl;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Two views of what each channel holds for the platform: what the sandbox says it took, net of
 * refunds and reversals, over every order it has; and the ledger's {@code CHANNEL_CLEARING:<channel>}
 * balance. Over a run both must move by the same amount, whatever was killed meanwhile: a payment
 * the channel took is owed once, a refund or reversal it paid back is owed no more.
 */
record ChannelTakings(long sandboxTook, long clearing) {

    static final List<ChannelCode> CHANNELS = List.of(ChannelCode.ALIPAY, ChannelCode.WECHAT);

    /** The channels' own words for an order that was paid (and may since be partly refunded). */
    private static final Set<String> PAID = Set.of("TRADE_SUCCESS", "TRADE_FINISHED", "SUCCESS", "REFUND");

    static Map<ChannelCode, ChannelTakings> now(MoneyPath path) throws Exception {
        Map<ChannelCode, ChannelTakings> now = new EnumMap<>(ChannelCode.class);
        for (ChannelCode channel : CHANNELS) {
            long took = 0;
            for (JsonNode order : SandboxControl.call("GET", "/sandbox/v1/orders/" + channel, null)) {
                took += took(order);
            }
            now.put(channel, new ChannelTakings(took, path.balance(new AccountRef(AccountType.CHANNEL_CLEARING, channel.name(), "CNY"))));
        }
        return now;
    }

    /**
     * What the channel keeps of one order: the amount less what it paid back, for an order that was
     * paid; a closed or revoked order that was paid shows its refund (the whole amount, so nothing is
     * kept), one never paid shows none.
     */
    static long took(JsonNode order) {
        long refunded = order.path("refunded_fen").asLong();
        boolean paid = PAID.contains(order.path("status").asText()) || refunded > 0;
        return paid ? order.path("amount_fen").asLong() - refunded : 0;
    }

    /** How far the two views stand apart; a run must leave it where it found it. */
    long gap() {
        return sandboxTook - clearing;
    }
}
