package io.paysuite.sandbox.alipay;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /sandbox/v1/payouts/{out_biz_no}/finish} {@code {"status": "SUCCESS" | "FAIL"}} (a sandbox
 * extension): the bank's answer to a {@code DEALING} transfer now — a {@code 6666} card waits for it.
 * 200 with the transfer's view; 404 when there is no such transfer; 409 when it is already final otherwise.
 */
@RestController
class AlipayTransferControl {

    private final AlipayTransfers transfers;

    AlipayTransferControl(AlipayTransfers transfers) {
        this.transfers = transfers;
    }

    @PostMapping("/sandbox/v1/payouts/{outBizNo}/finish")
    ResponseEntity<Map<String, Object>> finish(@PathVariable String outBizNo, @RequestBody Map<String, String> body) {
        AlipayTransfer.Status to;
        try {
            to = AlipayTransfer.Status.valueOf(String.valueOf(body.get("status")));
        } catch (IllegalArgumentException e) {
            to = null;
        }
        if (to == null || to == AlipayTransfer.Status.DEALING) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_STATUS", "status is SUCCESS or FAIL");
        }
        try {
            return transfers.finish(outBizNo, to).map(ResponseEntity::ok)
                    .orElseGet(() -> error(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", "no transfer " + outBizNo));
        } catch (IllegalStateException final_) {
            return error(HttpStatus.CONFLICT, "ORDER_FINAL", final_.getMessage());
        }
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }
}
