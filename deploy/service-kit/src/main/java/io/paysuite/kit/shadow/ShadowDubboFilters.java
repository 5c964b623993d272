package io.paysuite.kit.shadow;

import io.paysuite.api.error.ErrorCode;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.AsyncRpcResult;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * The mark on Dubbo: a consumer attaches {@value ShadowContext#ATTACHMENT} to every call it makes while the
 * mark is set; a provider runs the call with exactly the mark the call carries (a call without it runs
 * unmarked, even on a thread that last served load traffic). Registered as {@code shadowMark} /
 * {@code shadowScope} (META-INF/dubbo), active on every reference and service.
 *
 * <p>A provider believes the attachment from any caller: Dubbo is the suite's internal network, whose
 * money-moving methods already answer only named internal callers ({@code access}); a caller who could
 * forge the mark could call those methods anyway, and the mark only ever sends work to the shadow side.
 * A provider without a shadow side answers a marked call {@code LOAD_TEST_NOT_ALLOWED} (a definite failure:
 * nothing ran).
 */
public final class ShadowDubboFilters {

    private ShadowDubboFilters() {
    }

    /** Consumer side: marked work marks its calls. */
    @Activate(group = CommonConstants.CONSUMER)
    public static class Mark implements Filter {

        @Override
        public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
            if (ShadowContext.active()) {
                invocation.setAttachment(ShadowContext.ATTACHMENT, ShadowContext.MARKED);
            }
            return invoker.invoke(invocation);
        }
    }

    /** Provider side: outermost, so that every other filter and the service itself see the call's mark. */
    @Activate(group = CommonConstants.PROVIDER, order = -40000)
    public static class Scope implements Filter {

        @Override
        public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
            boolean marked = ShadowContext.marks(invocation.getAttachment(ShadowContext.ATTACHMENT));
            if (marked && !ShadowContext.accepted()) {
                return AsyncRpcResult.newDefaultAsyncResult(io.paysuite.api.common.Result.fail(ErrorCode.LOAD_TEST_NOT_ALLOWED,
                        "this service runs no load traffic (paysuite.shadow.enabled=false)"), invocation);
            }
            try (ShadowContext.Scope ignored = ShadowContext.enter(marked)) {
                return invoker.invoke(invocation);
            }
        }
    }
}
