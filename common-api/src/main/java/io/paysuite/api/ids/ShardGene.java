package io.paysuite.api.ids;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The shard gene: a number in [0, 1024) derived from the buyer's user ID and carried as the last
 * four digits of every order number of that buyer, so that a lookup by order number routes to
 * exactly one physical table without a fan-out.
 *
 * <p>Placement: database = gene mod databases, table = (gene / databases) mod tables. With 1024
 * genes the suite can grow by doubling databases or tables without renumbering orders (the
 * Alibaba "user ID gene" scheme).
 *
 * <p>A trade created without a buyer (the buyer logs in on the cashier page later) takes its gene
 * from the merchant and merchant order number instead; it stays in that shard for life.
 */
public final class ShardGene {

    public static final int GENES = 1024;
    public static final int DIGITS = 4;

    private ShardGene() {
    }

    /** Gene of a buyer user ID (a decimal number; see {@code MemberIds}). */
    public static int ofUserId(String userId) {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("user id is required for a shard gene");
        }
        // member-service's buyer ids are "U" + a decimal number: the number is the user id
        String digits = userId.length() > 1 && userId.charAt(0) == 'U' ? userId.substring(1) : userId;
        try {
            return (int) Math.floorMod(Long.parseLong(digits), (long) GENES);
        } catch (NumberFormatException notNumeric) {
            return ofKey(userId);
        }
    }

    /** Gene of an arbitrary business key, for orders that have no buyer yet. */
    public static int ofKey(String key) {
        CRC32 crc = new CRC32();
        crc.update(key.getBytes(StandardCharsets.UTF_8));
        return (int) (crc.getValue() % GENES);
    }

    /** Gene carried by an order number (its last four digits). */
    public static int ofOrderNo(String orderNo) {
        if (orderNo == null || orderNo.length() < DIGITS) {
            throw new IllegalArgumentException("not an order number: " + orderNo);
        }
        int gene = Integer.parseInt(orderNo.substring(orderNo.length() - DIGITS));
        if (gene >= GENES) {
            throw new IllegalArgumentException("order number carries no valid gene: " + orderNo);
        }
        return gene;
    }

    public static int database(int gene, int databases) {
        return gene % databases;
    }

    public static int table(int gene, int databases, int tables) {
        return (gene / databases) % tables;
    }
}
