package io.paysuite.api.sharing;

import java.io.Serializable;

public record UnfreezeCmd(String merchantId, String tradeNo, String outOrderNo) implements Serializable {
}
