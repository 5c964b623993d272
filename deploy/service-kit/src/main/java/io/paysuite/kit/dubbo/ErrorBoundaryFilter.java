package io.paysuite.kit.dubbo;

import io.paysuite.api.common.Result;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.concurrent.CompletableFuture;
import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.RpcException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every service's one error boundary: what a Dubbo provider method answering {@link Result} throws
 * becomes a {@code Result} with a stable code, so no exception (and no stack trace) crosses a
 * service boundary and providers stay one line per method.
 *
 * <ul>
 *   <li>a {@link BizException} is a business refusal: {@code Result.fail(code, message)}, its code
 *       carried as is (even one passed on from another service that this build does not know);</li>
 *   <li>an {@link ArithmeticException} is an amount that overflowed ({@code Math.addExact} and
 *       friends): {@code PARAM_ERROR} "amount out of range";</li>
 *   <li>anything else (a refused state transition, the database, a bug) is logged with its stack
 *       trace and answered {@code SYSTEM_ERROR}: the outcome may be unknown, so the caller queries
 *       or repeats under the same key before deciding. Arguments are never logged: they may carry
 *       passwords or card data.</li>
 * </ul>
 *
 * <p>Why a Dubbo {@link Filter} rather than a Spring aspect or a helper each provider calls: Dubbo
 * already catches what a provider throws and hands it to the provider filter chain as the
 * response's exception ({@code AppResponse}); answering it here covers every provider, including
 * one written tomorrow, without proxies or discipline. It is activated for providers only
 * (consumers see the {@code Result} it produced) and ordered after Dubbo's own
 * {@code ExceptionFilter} (order 0), so it sits nearer the provider and sees the exception first,
 * before that filter would rewrap one it does not recognise. Methods not answering {@code Result}
 * (the liveness probe, Dubbo's echo) are left to Dubbo.
 *
 * <p>Bean validation by Dubbo ({@code dubbo.provider.validation}) is not switched on in any service:
 * commands are checked by their executors, which throw {@code BizException(PARAM_ERROR)}.
 */
@Activate(group = CommonConstants.PROVIDER, order = ErrorBoundaryFilter.ORDER)
public class ErrorBoundaryFilter implements Filter, Filter.Listener {

    /** After Dubbo's {@code ExceptionFilter} (0): a larger order sits nearer the provider and hears its answer first. */
    static final int ORDER = 10_000;

    static final String OVERFLOW = "amount out of range";
    static final String SYSTEM_FAULT = "system error; query before retrying";

    private static final Logger log = LoggerFactory.getLogger(ErrorBoundaryFilter.class);

    @Override
    public org.apache.dubbo.rpc.Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        return invoker.invoke(invocation);
    }

    @Override
    public void onResponse(org.apache.dubbo.rpc.Result response, Invoker<?> invoker, Invocation invocation) {
        if (!response.hasException() || !answersResult(invoker, invocation)) {
            return;
        }
        Throwable thrown = response.getException();
        if (thrown instanceof Error) {
            return; // the JVM is in trouble; Dubbo's own handling answers
        }
        response.setValue(answer(thrown, operation(invoker, invocation)));
        response.setException(null);
    }

    @Override
    public void onError(Throwable failure, Invoker<?> invoker, Invocation invocation) {
        // the framework failed around the call (no answer was produced): the consumer sees an RpcException
    }

    /** The {@code Result} a provider's exception is answered with. */
    static Result<Object> answer(Throwable thrown, String operation) {
        if (thrown instanceof BizException refused) {
            return Result.fail(refused.wireCode(), refused.getMessage());
        }
        if (thrown instanceof ArithmeticException) {
            return Result.fail(ErrorCode.PARAM_ERROR, OVERFLOW);
        }
        log.error("{} failed with a system error", operation, thrown);
        return Result.fail(ErrorCode.SYSTEM_ERROR, SYSTEM_FAULT);
    }

    /**
     * A method answering {@code Result}, or an async one answering {@code CompletableFuture<Result<…>>}
     * (Dubbo hands the filter the future's outcome, or what the method threw before returning it).
     */
    private static boolean answersResult(Invoker<?> invoker, Invocation invocation) {
        Method method = method(invoker, invocation);
        if (method == null) {
            return false;
        }
        if (Result.class.isAssignableFrom(method.getReturnType())) {
            return true;
        }
        return CompletableFuture.class.equals(method.getReturnType())
                && method.getGenericReturnType() instanceof ParameterizedType future
                && rawType(future.getActualTypeArguments()[0]) instanceof Class<?> answer
                && Result.class.isAssignableFrom(answer);
    }

    private static Type rawType(Type type) {
        return type instanceof ParameterizedType parameterized ? parameterized.getRawType() : type;
    }

    private static Method method(Invoker<?> invoker, Invocation invocation) {
        Class<?> service = invoker.getInterface();
        if (service == null || invocation.getMethodName() == null) {
            return null;
        }
        try {
            return service.getMethod(invocation.getMethodName(), invocation.getParameterTypes());
        } catch (NoSuchMethodException notOnTheInterface) {
            return null; // a generic or framework call ($invoke, $echo): not ours to answer
        }
    }

    private static String operation(Invoker<?> invoker, Invocation invocation) {
        return invoker.getInterface().getSimpleName() + "." + invocation.getMethodName();
    }
}
