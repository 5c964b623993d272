package io.paysuite.cashier.api.limit;

import com.alibaba.csp.sentinel.Entry;
import com.alibaba.csp.sentinel.EntryType;
import com.alibaba.csp.sentinel.SphU;
import com.alibaba.csp.sentinel.slots.block.BlockException;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import org.springframework.stereotype.Component;

/**
 * Per-merchant rate limits with Sentinel's hot-parameter flow control: resource
 * {@value #RESOURCE}, parameter 0 = merchant id. One rule covers every merchant (its {@code count}
 * is each merchant's QPS) and its exception items give single merchants their own limit; the rules
 * come from the config center ({@link MerchantFlowRules}) and change without a restart.
 */
@Component
public class MerchantRateLimiter {

    public static final String RESOURCE = "open-api";

    /** A permit to hold while the request runs; closing it gives it back. */
    public interface Permit extends AutoCloseable {
        @Override
        void close();
    }

    public Permit enter(String merchantId) {
        Entry entry;
        try {
            entry = SphU.entry(RESOURCE, EntryType.IN, 1, merchantId);
        } catch (BlockException e) {
            throw new BizException(ErrorCode.RATE_LIMITED, "too many requests for this merchant; slow down and retry");
        }
        return () -> entry.exit(1, merchantId);
    }
}
