package io.paysuite.pay.infra.risk;

import java.time.LocalDateTime;

/** A row of {@code risk_decision} as MyBatis maps it; rule lists are comma-separated. */
public class RiskDecisionDO {
    private long id;
    private String tradeNo;
    private String requestNo;
    private String buyerId;
    private String merchantId;
    private String method;
    private long amountMinor;
    private String currency;
    private String verdict;
    private String firedRules;
    private String failedRules;
    private String inputs;
    private LocalDateTime decidedAt;

    public long getId() { return id; }
    public void setId(long id) { this.id = id; }
    public String getTradeNo() { return tradeNo; }
    public void setTradeNo(String tradeNo) { this.tradeNo = tradeNo; }
    public String getRequestNo() { return requestNo; }
    public void setRequestNo(String requestNo) { this.requestNo = requestNo; }
    public String getBuyerId() { return buyerId; }
    public void setBuyerId(String buyerId) { this.buyerId = buyerId; }
    public String getMerchantId() { return merchantId; }
    public void setMerchantId(String merchantId) { this.merchantId = merchantId; }
    public String getMethod() { return method; }
    public void setMethod(String method) { this.method = method; }
    public long getAmountMinor() { return amountMinor; }
    public void setAmountMinor(long amountMinor) { this.amountMinor = amountMinor; }
    public String getCurrency() { return currency; }
    public void setCurrency(String currency) { this.currency = currency; }
    public String getVerdict() { return verdict; }
    public void setVerdict(String verdict) { this.verdict = verdict; }
    public String getFiredRules() { return firedRules; }
    public void setFiredRules(String firedRules) { this.firedRules = firedRules; }
    public String getFailedRules() { return failedRules; }
    public void setFailedRules(String failedRules) { this.failedRules = failedRules; }
    public String getInputs() { return inputs; }
    public void setInputs(String inputs) { this.inputs = inputs; }
    public LocalDateTime getDecidedAt() { return decidedAt; }
    public void setDecidedAt(LocalDateTime decidedAt) { this.decidedAt = decidedAt; }
}
