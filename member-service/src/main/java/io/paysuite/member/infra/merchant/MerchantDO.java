package io.paysuite.member.infra.merchant;

import java.time.LocalDateTime;

/** A row of table {@code merchant}. */
public class MerchantDO {
    public Long id;
    public String merchantId;
    public String name;
    public String realNameStatus;
    public boolean enabled;
    public String requestNo;
    public String requestDigest;
    public String onboardAppId;
    public String onboardSerialNo;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
