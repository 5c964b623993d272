package io.paysuite.pay.order.tool;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.pay.PayMethod;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/** The tools by method: an explicit map, never a class name built from a string. */
@Component
public class PaymentTools {

    private final Map<PayMethod, PaymentTool> byMethod = new EnumMap<>(PayMethod.class);

    public PaymentTools(List<PaymentTool> tools) {
        tools.forEach(tool -> byMethod.put(tool.method(), tool));
    }

    public PaymentTool of(PayMethod method) {
        PaymentTool tool = byMethod.get(method);
        if (tool == null) {
            throw new BizException(ErrorCode.PARAM_ERROR, "method " + method + " is not available");
        }
        return tool;
    }
}
