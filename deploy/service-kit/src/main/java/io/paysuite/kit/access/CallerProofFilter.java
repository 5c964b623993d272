package io.paysuite.kit.access;

import org.apache.dubbo.common.constants.CommonConstants;
import org.apache.dubbo.common.extension.Activate;
import org.apache.dubbo.rpc.Filter;
import org.apache.dubbo.rpc.Invocation;
import org.apache.dubbo.rpc.Invoker;
import org.apache.dubbo.rpc.Result;
import org.apache.dubbo.rpc.RpcException;

/**
 * Consumer side: every call this process makes carries its application name and, when that
 * application holds the suite's secret, the {@link CallerProof}. Calls of an application with no
 * secret go out unsigned; a guarded provider then refuses them.
 */
@Activate(group = CommonConstants.CONSUMER)
public class CallerProofFilter implements Filter {

    @Override
    public Result invoke(Invoker<?> invoker, Invocation invocation) throws RpcException {
        String application = invoker.getUrl().getApplication();
        if (application != null) {
            invocation.setAttachment(CallerProof.CALLER, application);
            InternalCallers.signerOf(application).ifPresent(signer -> {
                long now = System.currentTimeMillis() / 1000;
                invocation.setAttachment(CallerProof.TIMESTAMP, Long.toString(now));
                invocation.setAttachment(CallerProof.PROOF,
                        signer.sign(application, invoker.getInterface().getName(), invocation.getMethodName(), now));
            });
        }
        return invoker.invoke(invocation);
    }
}
