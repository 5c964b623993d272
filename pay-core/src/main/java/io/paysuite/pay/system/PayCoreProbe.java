package io.paysuite.pay.system;

import io.paysuite.api.system.ProbeReply;
import io.paysuite.api.system.ProbeResponder;
import io.paysuite.api.system.RelayReply;
import io.paysuite.api.system.ServiceProbe;
import org.apache.dubbo.config.annotation.DubboReference;
import org.apache.dubbo.config.annotation.DubboService;

/** This service's answer to the suite's liveness ring; see {@link ServiceProbe}. */
@DubboService(group = "pay-core")
public class PayCoreProbe implements ServiceProbe {

    @DubboReference(group = "channel-gateway", check = false, timeout = 3000, retries = 0)
    private ServiceProbe next;

    private final ProbeResponder responder;

    public PayCoreProbe(ProbeMapper probeMapper) {
        this.responder = new ProbeResponder("pay-core", probeMapper::currentDatabase, () -> next);
    }

    @Override
    public ProbeReply ping(String caller) {
        return responder.ping(caller);
    }

    @Override
    public RelayReply relay(String caller) {
        return responder.relay(caller);
    }
}
