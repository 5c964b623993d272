package io.paysuite.kit.access;

import java.util.Optional;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Provider side: a guarded method ({@link GuardedCall}) answers only named internal callers that
 * prove they hold the suite's secret; anyone else in the registry gets {@code CALLER_NOT_ALLOWED}
 * and nothing runs. Without it, any process that reaches the registry could post a balanced entry
 * that creates wallet money. Runs first among the provider filters, so a refused call never
 * reaches the service. Unguarded methods pass untouched.
 */
@Activate(group = CommonConstants.PROVIDER, order = -30000)
public class CallerCheckFilter implements Filter {

    private static final Logger log = LoggerFactory.getLogger(CallerCheckFilter.class);

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        String service = invoker.getInterface().getName();
        String method = invocation.getMethodName();
        Optional<GuardedCall> rule = InternalCallers.ruleFor(service, method);
        if (rule.isEmpty()) {
            return invoker.invoke(invocation);
        }
        String caller = invocation.getAttachment(CallerProof.CALLER);
        String refusal = refusal(rule.get(), caller, service, method, invocation);
        if (refusal == null) {
            return invoker.invoke(invocation);
        }
        log.warn("ALARM: refused {}#{} from caller={} ({})", service, method, caller, refusal);
        return AsyncRpcResult.newDefaultAsyncResult(InternalCallers.refused(service + "#" + method), invocation);
    }

    private static String refusal(GuardedCall rule, String caller, String service, String method, Invocation invocation) {
        if (caller == null || !rule.callers().contains(caller)) {
            return "not an allowed caller";
        }
        Optional<CallerProof> verifier = InternalCallers.verifier();
        if (verifier.isEmpty()) {
            return "this provider has no internal-call secret configured";
        }
        boolean proven = verifier.get().verify(caller, service, method, invocation.getAttachment(CallerProof.TIMESTAMP),
                invocation.getAttachment(CallerProof.PROOF), System.currentTimeMillis() / 1000);
        return proven ? null : "no valid proof of the shared secret";
    }
}
