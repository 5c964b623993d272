package io.paysuite.member.infra.buyer;

import java.time.LocalDateTime;

/** A row of table {@code buyer}. */
public class BuyerDO {
    public Long id;
    public String phone;
    public String loginPwdHash;
    public String payPwdHash;
    public String nickname;
    public String realNameStatus;
    public int payPwdFailures;
    public LocalDateTime payLockedUntil;
    public LocalDateTime createdAt;
    public LocalDateTime updatedAt;
}
