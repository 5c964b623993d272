package io.paysuite.cashier.ops;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.channel.ChannelService;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.ledger.TrialBalanceDTO;
import io.paysuite.api.member.MerchantDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.OnboardMerchantCmd;
import io.paysuite.api.pay.PayService;
import io.paysuite.api.trade.TradeService;
import io.paysuite.api.trail.TrailEventDTO;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.ops.audit.AuditNotes;
import io.paysuite.cashier.trail.TrailSource;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The ops API of docs/api/API.md: onboarding, the trial balance and a trade's trail across services. */
@RestController
@RequestMapping(path = "/ops/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class OpsController {

    public record OnboardedView(String merchantId, String appId, String serialNo) {
    }

    public record AccountView(String code, String type, long debit, long credit, long balance) {
    }

    public record TrialBalanceView(String currency, List<AccountView> accounts, long totalDebit, long totalCredit, boolean balanced) {
    }

    /** {@code trace_id}: the W3C trace id of the request or message that caused the step, where its service keeps it. */
    public record TrailStepView(String source, String at, String type, String reference, String detail, String traceId) {
    }

    public record TrailView(String tradeNo, List<TrailStepView> events) {
    }

    private final MerchantService merchants;
    private final LedgerService ledger;
    private final TradeService trades;
    private final PayService pays;
    private final List<TrailSource> localSources;
    private final Times times;
    private final ChannelService channels;

    public record CodeCountView(String code, long count) {
    }

    public record ChannelHealthView(String channel, boolean enabled, long calls, double successRate, double p50Ms, double p99Ms,
                                    String breakerState, long windowSeconds, List<CodeCountView> topCodes) {
    }

    public record ChannelsHealthView(List<ChannelHealthView> channels) {
    }

    public OpsController(MerchantService merchants, LedgerService ledger, TradeService trades, PayService pays,
                         List<TrailSource> localSources, Times times, ChannelService channels) {
        this.channels = channels;
        this.merchants = merchants;
        this.ledger = ledger;
        this.trades = trades;
        this.pays = pays;
        this.localSources = localSources;
        this.times = times;
    }

    /**
     * Onboard a merchant with one app and its public key. Idempotent on the content: the request
     * number is the digest of name and key, so an operator's double click onboards once.
     */
    @PostMapping("/merchants")
    public ResponseEntity<OnboardedView> onboard(@RequestBody(required = false) byte[] raw, HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        String name = body.text("name");
        String pem = body.text("public_key_pem");
        MerchantDTO merchant = Results.unwrap(merchants.onboard(new OnboardMerchantCmd(requestNo(name, pem), name, pem, null, null)));
        OnboardedView onboarded = new OnboardedView(merchant.merchantId(), merchant.appId(), merchant.serialNo());
        // a new merchant has no before; the after names what was created (the public key stays in the request body)
        AuditNotes.after(request, onboarded);
        return ResponseEntity.status(HttpStatus.CREATED).body(onboarded);
    }

    /** Per channel over the last five minutes: success rate, p50/p99 latency, breaker state, most frequent codes. */
    @GetMapping("/channels/health")
    public ChannelsHealthView channelsHealth() {
        return new ChannelsHealthView(Results.unwrap(channels.health()).stream()
                .map(h -> new ChannelHealthView(h.channel().name(), h.enabled(), h.calls(), h.successRate(), h.p50Millis(),
                        h.p99Millis(), h.breakerState(), h.windowSeconds(),
                        h.topCodes().stream().map(c -> new CodeCountView(c.code(), c.count())).toList()))
                .toList());
    }

    @GetMapping("/ledger/trial-balance")
    public TrialBalanceView trialBalance(@RequestParam(defaultValue = "CNY") String currency) {
        TrialBalanceDTO balance = Results.unwrap(ledger.trialBalance(currency));
        return new TrialBalanceView(balance.currency(), balance.accounts().stream()
                .map(a -> new AccountView(a.code(), a.type().name(), a.debit(), a.credit(), a.balance())).toList(),
                balance.totalDebit(), balance.totalCredit(), balance.balanced());
    }

    /** Every service's steps for the trade, merged by time; trade-core decides whether the trade exists. */
    @GetMapping("/trades/{tradeNo}/trail")
    public TrailView trail(@PathVariable String tradeNo) {
        List<TrailEventDTO> steps = new ArrayList<>(Results.unwrap(trades.trail(tradeNo)));
        steps.addAll(Results.unwrap(pays.trail(tradeNo)));
        steps.addAll(Results.unwrap(ledger.trail(tradeNo)));
        for (TrailSource source : localSources) {
            steps.addAll(source.trailOf(tradeNo));
        }
        steps.sort(Comparator.comparing(TrailEventDTO::at).thenComparing(TrailEventDTO::source));
        return new TrailView(tradeNo, steps.stream()
                .map(s -> new TrailStepView(s.source(), times.format(s.at()), s.type(), s.reference(), s.detail(),
                        s.traceId())).toList());
    }

    private static String requestNo(String name, String pem) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((name + "\n" + pem.replaceAll("\\s", "")).getBytes(StandardCharsets.UTF_8));
            return "ops-" + HexFormat.of().formatHex(digest, 0, 14);
        } catch (NoSuchAlgorithmException e) {
            throw new BizException(ErrorCode.SYSTEM_ERROR, "no SHA-256");
        }
    }
}
