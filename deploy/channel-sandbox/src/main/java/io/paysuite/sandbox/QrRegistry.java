package io.paysuite.sandbox;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/** QR codes handed out by any channel, so {@code POST /sandbox/v1/scan} finds the order behind a code. */
@Component
public class QrRegistry {

    /** A buyer scans a code: the channel decides. */
    public interface ScanHandler {
        /**
         * @param outcome SUCCESS, USERPAYING or FAIL
         * @return the order's status after the scan
         * @throws OrderFinalException when the order is already paid or closed
         */
        String scan(String outTradeNo, String outcome);
    }

    public record Entry(String channel, String outTradeNo, ScanHandler handler) {
    }

    public static class OrderFinalException extends RuntimeException {
        public OrderFinalException(String message) {
            super(message);
        }
    }

    private final Map<String, Entry> codes = new ConcurrentHashMap<>();

    public void register(String code, String channel, String outTradeNo, ScanHandler handler) {
        codes.put(code, new Entry(channel, outTradeNo, handler));
    }

    public Optional<Entry> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(codes.get(code));
    }
}
