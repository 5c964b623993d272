package io.paysuite.accounting.infra.sharing;

import java.time.LocalDateTime;

/** Rows of the profit-sharing tables (V7, V8). Times are UTC wall-clock. */
public final class SharingRows {

    private SharingRows() {
    }

    /** A row of {@code profit_sharing_order}. */
    public static class OrderRow {
        public String orderNo;
        public String outOrderNo;
        public String tradeNo;
        public String merchantId;
        public String currency;
        public boolean unfreeze;
        public String digest;
        public String status;
        public LocalDateTime createdAt;
        public LocalDateTime updatedAt;
        public LocalDateTime finishedAt;
    }

    /** A row of {@code profit_sharing_receiver}. */
    public static class ReceiverRow {
        public String orderNo;
        public int lineNo;
        public String merchantId;
        public long amount;
        public String description;
        public String result;
    }

    /** A row of {@code profit_sharing_return}. */
    public static class ReturnRow {
        public String returnNo;
        public String outReturnNo;
        public String orderNo;
        public String merchantId;
        public String receiverMerchantId;
        public String currency;
        public long amount;
        public String digest;
        public String result;
        public LocalDateTime createdAt;
    }
}
