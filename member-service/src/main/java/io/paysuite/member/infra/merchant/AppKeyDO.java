package io.paysuite.member.infra.merchant;

import java.time.LocalDateTime;

/** A row of table {@code app_key}, with the merchant of its app joined in. */
public class AppKeyDO {
    public String merchantId;
    public String appId;
    public String serialNo;
    public String publicKeyPem;
    public LocalDateTime validFrom;
    public LocalDateTime validUntil;
    public String status;
    public LocalDateTime createdAt;
}
