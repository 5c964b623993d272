package io.paysuite.pay.infra.risk;

/** A row of {@code risk_counter} as MyBatis maps it. */
public class RiskCounterDO {
    private String counterKey;
    private String bucket;
    private long cnt;
    private long sumMinor;

    public String getCounterKey() {
        return counterKey;
    }

    public void setCounterKey(String counterKey) {
        this.counterKey = counterKey;
    }

    public String getBucket() {
        return bucket;
    }

    public void setBucket(String bucket) {
        this.bucket = bucket;
    }

    public long getCnt() {
        return cnt;
    }

    public void setCnt(long cnt) {
        this.cnt = cnt;
    }

    public long getSumMinor() {
        return sumMinor;
    }

    public void setSumMinor(long sumMinor) {
        this.sumMinor = sumMinor;
    }
}
