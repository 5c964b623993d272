package io.paysuite.accounting.sharing;

import io.paysuite.accounting.ledger.PostingDigest;

/**
 * Numbers of orders and returns derived from the merchant's own number: every concurrent duplicate
 * of a request names the same order (and the same posting key), so the unique index, not a lookup,
 * decides which one writes it.
 */
final class SharingNumbers {

    private SharingNumbers() {
    }

    static String orderNo(String merchantId, String outOrderNo) {
        return "PS" + PostingDigest.of("order", merchantId, outOrderNo).substring(0, 30).toUpperCase();
    }

    static String returnNo(String merchantId, String outReturnNo) {
        return "PR" + PostingDigest.of("return", merchantId, outReturnNo).substring(0, 30).toUpperCase();
    }
}
