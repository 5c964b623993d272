package io.paysuite.sandbox;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The sandbox control API of docs/api/API.md: the buyer's phone, fault rules, bills and the channel's truth. */
@RestController
@RequestMapping("/sandbox/v1")
class SandboxControlController {

    private final FaultInjector faults;
    private final QrRegistry qrCodes;
    private final List<SandboxChannel> channels;
    private final Notifier notifier;

    SandboxControlController(FaultInjector faults, QrRegistry qrCodes, List<SandboxChannel> channels, Notifier notifier) {
        this.faults = faults;
        this.qrCodes = qrCodes;
        this.channels = channels;
        this.notifier = notifier;
    }

    @PostMapping("/faults")
    ResponseEntity<FaultRule> addFault(@Valid @RequestBody FaultRule rule) {
        faults.add(rule);
        return ResponseEntity.status(HttpStatus.CREATED).body(rule);
    }

    @GetMapping("/faults")
    List<FaultRule> faults() {
        return faults.rules();
    }

    @DeleteMapping("/faults")
    ResponseEntity<Void> clearFaults() {
        faults.clear();
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/scan")
    ResponseEntity<Map<String, Object>> scan(@RequestBody Map<String, String> body) {
        String code = body.get("code_url");
        String outcome = body.getOrDefault("outcome", "SUCCESS");
        if (!List.of("SUCCESS", "USERPAYING", "FAIL").contains(outcome)) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_OUTCOME", "outcome is SUCCESS, USERPAYING or FAIL, not " + outcome);
        }
        Optional<QrRegistry.Entry> entry = qrCodes.find(code);
        if (entry.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "QR_NOT_FOUND", "no channel order behind " + code);
        }
        QrRegistry.Entry e = entry.get();
        try {
            String status = e.handler().scan(e.outTradeNo(), outcome);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("channel", e.channel());
            answer.put("out_trade_no", e.outTradeNo());
            answer.put("status", status);
            return ResponseEntity.ok(answer);
        } catch (QrRegistry.OrderFinalException ex) {
            return error(HttpStatus.CONFLICT, "ORDER_FINAL", ex.getMessage());
        }
    }

    @GetMapping("/orders/{channel}/{outTradeNo}")
    ResponseEntity<Map<String, Object>> order(@PathVariable String channel, @PathVariable String outTradeNo) {
        Optional<SandboxChannel> ch = channel(channel);
        if (ch.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "CHANNEL_NOT_FOUND", "no channel " + channel + " in the sandbox");
        }
        return ch.get().order(outTradeNo).map(ResponseEntity::ok)
                .orElseGet(() -> error(HttpStatus.NOT_FOUND, "ORDER_NOT_FOUND", "no " + channel + " order " + outTradeNo));
    }

    @GetMapping("/orders/{channel}")
    ResponseEntity<?> orders(@PathVariable String channel) {
        Optional<SandboxChannel> ch = channel(channel);
        if (ch.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "CHANNEL_NOT_FOUND", "no channel " + channel + " in the sandbox");
        }
        return ResponseEntity.ok(ch.get().orders());
    }

    /**
     * {@code POST /sandbox/v1/notify} (a sandbox extension of API.md): the order's notification again, resent or
     * forged, signed like a real one, to the order's notify_url; one-shot, {@code copies} racing deliveries.
     *
     * @param tradeStatus optional claimed status in the channel's words; with it (or {@code totalFen}) a forged
     *                    notification with a new id, the sandbox's order untouched
     * @param totalFen    optional claimed amount in fen
     * @param copies      optional, default 1: identical deliveries sent concurrently
     * @param delayMillis optional, default 0: wait before sending
     */
    record NotifyRequest(@NotBlank String channel, @NotBlank String outTradeNo, String tradeStatus, @Positive Long totalFen,
                         @Min(1) @Max(MAX_COPIES) Integer copies, @PositiveOrZero @Max(MAX_DELAY_MILLIS) Long delayMillis) {
    }

    static final int MAX_COPIES = 100;
    static final long MAX_DELAY_MILLIS = 600_000;

    @PostMapping("/notify")
    ResponseEntity<Map<String, Object>> inject(@Valid @RequestBody NotifyRequest request) {
        Optional<SandboxChannel> ch = channel(request.channel());
        if (ch.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "CHANNEL_NOT_FOUND", "no channel " + request.channel() + " in the sandbox");
        }
        int copies = request.copies() == null ? 1 : request.copies();
        String tradeStatus = request.tradeStatus() == null || request.tradeStatus().isBlank() ? null : request.tradeStatus().trim();
        SandboxChannel.Injection injection = new SandboxChannel.Injection(request.outTradeNo(), tradeStatus, request.totalFen(),
                copies, request.delayMillis() == null ? 0 : request.delayMillis());
        try {
            String notifyId = ch.get().inject(injection);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("channel", ch.get().name());
            answer.put("out_trade_no", request.outTradeNo());
            answer.put("notify_id", notifyId);
            answer.put("copies", copies);
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(answer);
        } catch (SandboxChannel.InjectionRefused refused) {
            return error(HttpStatus.valueOf(refused.status()), refused.code(), refused.getMessage());
        }
    }

    @GetMapping("/notifications")
    List<Notifier.Attempt> notifications(@RequestParam String channel, @RequestParam("out_trade_no") String outTradeNo) {
        return notifier.attempts(channel, outTradeNo);
    }

    @GetMapping("/bills/{channel}/{day}")
    ResponseEntity<?> bill(@PathVariable String channel, @PathVariable String day) {
        Optional<SandboxChannel> ch = channel(channel);
        if (ch.isEmpty()) {
            return error(HttpStatus.NOT_FOUND, "CHANNEL_NOT_FOUND", "no channel " + channel + " in the sandbox");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            return error(HttpStatus.BAD_REQUEST, "INVALID_DATE", "the day is yyyy-MM-dd, not " + day);
        }
        return download(ch.get().bill(date));
    }

    static ResponseEntity<byte[]> download(SandboxChannel.BillFile file) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(file.contentType()));
        headers.setContentDisposition(ContentDisposition.attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8).build());
        return new ResponseEntity<>(file.content(), headers, HttpStatus.OK);
    }

    private Optional<SandboxChannel> channel(String name) {
        return channels.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst();
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String code, String message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return ResponseEntity.status(status).body(body);
    }
}
