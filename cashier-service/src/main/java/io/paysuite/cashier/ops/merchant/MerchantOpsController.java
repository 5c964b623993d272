package io.paysuite.cashier.ops.merchant;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.ledger.FeeRateCmd;
import io.paysuite.api.ledger.LedgerService;
import io.paysuite.api.member.AppKeyRotationDTO;
import io.paysuite.api.member.MerchantService;
import io.paysuite.api.member.RotateAppKeyCmd;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.api.limit.MerchantFlowRules;
import io.paysuite.cashier.api.limit.RateLimitProperties;
import io.paysuite.cashier.ops.audit.AuditNotes;
import io.paysuite.cashier.ops.rules.ConfigCenterDocuments;
import io.paysuite.cashier.ops.rules.RulesInForce;
import jakarta.servlet.http.HttpServletRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A merchant's keys, rate limit and fee rate for admins (every change under {@code /merchants} needs ADMIN and is
 * audited; the audit redacts {@code private_key*} fields):
 * <ul>
 *   <li>{@code POST /ops/api/v1/merchants/apps/{app_id}/keys/rotate} {@code {"public_key_pem"?, "grace_hours"?}}: adds the
 *       new key and lets the app's other keys verify for {@code grace_hours} more (default 24, 0–720), then they stop.
 *       Without a public key the platform generates an RSA-2048 pair and answers its {@code private_key_pem} once —
 *       it is stored nowhere, so a lost answer means another rotation;</li>
 *   <li>{@code GET} / {@code PUT /ops/api/v1/merchants/{merchant_id}/rate-limit} {@code {"qps": n | null, "version"}}:
 *       the merchant's own requests-per-second in the open API's Sentinel rules in the config center (null: back to
 *       the default), a compare-and-set over the version read ({@code RULES_VERSION_CONFLICT} when it changed). The
 *       limits shown and edited are the ones in force ({@link MerchantFlowRules}); a refused document stored after
 *       them is shown beside them ({@code refused}: the document and why) and a save replaces it;</li>
 *   <li>{@code PUT /ops/api/v1/merchants/{merchant_id}/fee-rate} {@code {"rate_bps"}}: the fee rate later payments'
 *       fee entries use (accounting-service).</li>
 * </ul>
 * The settlement cycle is edited with the settlement terms ({@code /merchants/{merchant_id}/settlement-terms}).
 */
@RestController
@RequestMapping(path = "/ops/api/v1/merchants", produces = MediaType.APPLICATION_JSON_VALUE)
public class MerchantOpsController {

    static final Duration DEFAULT_GRACE = Duration.ofHours(24);

    public record RotatedView(String appId, String serialNo, String validFrom, String privateKeyPem, int oldKeysRetiring,
                              String oldKeysValidUntil) {
    }

    /** {@code refused}: null unless a refused rate-limit document is stored after the one in force. */
    public record RateLimitView(String merchantId, Integer qps, int defaultQps, String version,
                                RulesInForce.RefusedView refused) {
    }

    public record FeeRateView(String merchantId, int rateBps) {
    }

    /**
     * What a rotation did, for the audit line: serials and validity only. The private key (generated or not) and the
     * public key never reach it — a key in the audit log would be a key anyone reading the log holds.
     */
    public record RotationNote(String appId, String serialNo, String validFrom, boolean generatedHere, int oldKeysRetiring,
                               String oldKeysValidUntil) {
    }

    /** Before a rotation: the app and what the request asked for (member-service has no read of an app's key list). */
    public record RotationAsked(String appId, boolean publicKeyGiven, long graceHours) {
    }

    private final MerchantService merchants;
    private final LedgerService ledger;
    private final ConfigCenterDocuments documents;
    private final RateLimitProperties limits;
    private final MerchantFlowRules inForce;
    private final ObjectMapper json;
    private final Times times;

    public MerchantOpsController(MerchantService merchants, LedgerService ledger, ConfigCenterDocuments documents,
                                 RateLimitProperties limits, MerchantFlowRules inForce, ObjectMapper json, Times times) {
        this.merchants = merchants;
        this.ledger = ledger;
        this.documents = documents;
        this.limits = limits;
        this.inForce = inForce;
        this.json = json;
        this.times = times;
    }

    @PostMapping("/apps/{appId}/keys/rotate")
    public RotatedView rotateKey(@PathVariable String appId, @RequestBody(required = false) byte[] raw,
                                 HttpServletRequest request) {
        JsonBody body = JsonBody.parseOptional(raw);
        Long hours = body.optionalInteger("grace_hours");
        Duration grace = hours == null ? DEFAULT_GRACE : Duration.ofHours(hours);
        String pem = body.optionalText("public_key_pem");
        AuditNotes.before(request, new RotationAsked(appId, pem != null && !pem.isBlank(), grace.toHours()));
        String privatePem = null;
        if (pem == null || pem.isBlank()) {
            KeyPair pair = newKeyPair();
            pem = pem("PUBLIC KEY", pair.getPublic().getEncoded());
            privatePem = pem("PRIVATE KEY", pair.getPrivate().getEncoded());
        }
        AppKeyRotationDTO rotated = Results.unwrap(merchants.rotateAppKey(new RotateAppKeyCmd(appId, pem, grace)));
        AuditNotes.after(request, new RotationNote(rotated.key().appId(), rotated.key().serialNo(),
                times.format(rotated.key().validFrom()), privatePem != null, rotated.othersRetiring(),
                times.format(rotated.othersValidUntil())));
        return new RotatedView(rotated.key().appId(), rotated.key().serialNo(), times.format(rotated.key().validFrom()), privatePem,
                rotated.othersRetiring(), times.format(rotated.othersValidUntil()));
    }

    @GetMapping("/{merchantId}/rate-limit")
    public RateLimitView rateLimit(@PathVariable String merchantId) {
        RulesInForce rules = RulesInForce.of(inForce.state(), documents.read(limits.rulesKey()));
        MerchantLimitDocument document = document(rules.text());
        return new RateLimitView(merchantId, document.ownQps(merchantId), document.defaultQps(), rules.version(),
                rules.refusedView(times));
    }

    @PutMapping("/{merchantId}/rate-limit")
    public RateLimitView setRateLimit(@PathVariable String merchantId, @RequestBody(required = false) byte[] raw,
                                      HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        String version = body.text("version");
        Long qps = body.optionalInteger("qps");
        if (qps != null && (qps < 0 || qps > 1_000_000)) {
            throw body.invalid("qps", "must be from 0 to 1000000 requests per second, or null for the default");
        }
        // the edit starts from the limits in force; over a refused document (its version) it replaces that one
        MerchantLimitDocument document = document(RulesInForce.of(inForce.state(), documents.read(limits.rulesKey())).text());
        AuditNotes.before(request, "{\"qps\":" + document.ownQps(merchantId) + "}");
        String next;
        try {
            next = document.withLimit(merchantId, qps == null ? null : qps.intValue(), json);
        } catch (IllegalArgumentException refused) {
            throw new BizException(ErrorCode.PARAM_ERROR, refused.getMessage());
        }
        String saved = documents.write(limits.rulesKey(), next, version);
        AuditNotes.after(request, "{\"qps\":" + qps + "}");
        return new RateLimitView(merchantId, qps == null ? null : qps.intValue(), document.defaultQps(), saved, null);
    }

    @PutMapping("/{merchantId}/fee-rate")
    public FeeRateView setFeeRate(@PathVariable String merchantId, @RequestBody(required = false) byte[] raw,
                                  HttpServletRequest request) {
        JsonBody body = JsonBody.parse(raw);
        long bps = body.integer("rate_bps");
        if (bps < 0 || bps > 10_000) {
            throw body.invalid("rate_bps", "must be from 0 to 10000 basis points");
        }
        Results.unwrap(merchants.getMerchant(merchantId));
        AuditNotes.before(request, new FeeRateView(merchantId, Results.unwrap(ledger.feeRate(merchantId))));
        FeeRateView after = new FeeRateView(merchantId, Results.unwrap(ledger.setFeeRate(new FeeRateCmd(merchantId, (int) bps))));
        AuditNotes.after(request, after);
        return after;
    }

    private MerchantLimitDocument document(String inForceText) {
        try {
            return MerchantLimitDocument.read(inForceText, limits.defaultQps(), json);
        } catch (IllegalArgumentException unreadable) {
            // cannot happen for a document in force (the limiter read it as a JSON array): start from the defaults
            return MerchantLimitDocument.read(null, limits.defaultQps(), json);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has RSA", e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
