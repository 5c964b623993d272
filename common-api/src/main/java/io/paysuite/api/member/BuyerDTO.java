package io.paysuite.api.member;

import java.io.Serializable;
import java.time.Instant;

/**
 * A buyer as callers see it: never a password hash. {@code buyerId} is {@code U} followed by
 * digits; its shard gene (see {@link io.paysuite.api.ids.ShardGene}) is derived from it.
 */
public record BuyerDTO(
        String buyerId,
        String phoneMasked,
        String nickname,
        RealNameStatus realNameStatus,
        Instant createdAt) implements Serializable {
}
