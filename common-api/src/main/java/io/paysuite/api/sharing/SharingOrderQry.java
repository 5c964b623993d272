package io.paysuite.api.sharing;

import java.io.Serializable;

public record SharingOrderQry(String merchantId, String orderNo) implements Serializable {
}
