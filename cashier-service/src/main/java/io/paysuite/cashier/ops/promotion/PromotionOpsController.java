package io.paysuite.cashier.ops.promotion;

import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.CouponDTO;
import io.paysuite.api.promotion.CouponKind;
import io.paysuite.api.promotion.CouponService;
import io.paysuite.api.promotion.CouponTemplateCmd;
import io.paysuite.api.promotion.CouponTemplateDTO;
import io.paysuite.api.promotion.FundedBy;
import io.paysuite.api.promotion.IssueCouponCmd;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsService;
import io.paysuite.cashier.api.JsonBody;
import io.paysuite.cashier.api.Times;
import io.paysuite.cashier.api.error.Results;
import io.paysuite.cashier.ops.OpsGate;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coupons and points for operators ({@code /ops/api/v1}, behind {@link OpsGate}'s bearer token), as
 * docs/api/API.md lists them: create a coupon template, issue a coupon to a buyer, list a buyer's coupons,
 * read and grant a buyer's points. Amounts are integer minor units of CNY (as everywhere in the APIs), times
 * RFC 3339 with an offset. Bad input is {@code PARAM_ERROR} naming the field, refused before member-service
 * writes anything; creating and issuing are idempotent on {@code request_no} (member-service's unique keys).
 */
@RestController
@RequestMapping(path = "/ops/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
public class PromotionOpsController {

    private static final Logger log = LoggerFactory.getLogger(PromotionOpsController.class);
    private static final String CNY = "CNY";

    public record TemplateView(String templateId, String name, String kind, Long amount, Integer percentOff, Long cap,
                               long minSpend, String currency, String validFrom, String validUntil, String fundedBy,
                               String merchantId, String createdAt) {
    }

    public record CouponView(String couponId, String templateId, String buyerId, String name, String kind, Long amount,
                             Integer percentOff, Long cap, long minSpend, String currency, String validFrom, String validUntil,
                             String fundedBy, String merchantId, String status, String tradeNo) {
    }

    public record PointsView(String buyerId, long available, long frozen, long availableValue, String currency) {
    }

    private final CouponService coupons;
    private final PointsService points;
    private final Times times;

    public PromotionOpsController(CouponService coupons, PointsService points, Times times) {
        this.coupons = coupons;
        this.points = points;
        this.times = times;
    }

    /**
     * {@code {"name", "kind": "FIXED_AMOUNT" | "PERCENTAGE", "amount", "percent_off", "cap", "min_spend",
     * "valid_from", "valid_until", "funded_by": "PLATFORM" | "MERCHANT", "merchant_id", "request_no"}}.
     */
    @PostMapping("/coupon-templates")
    public TemplateView createTemplate(@RequestBody(required = false) byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        CouponKind kind = named(body, "kind", CouponKind.class, "FIXED_AMOUNT or PERCENTAGE");
        FundedBy fundedBy = named(body, "funded_by", FundedBy.class, "PLATFORM or MERCHANT");
        Long percent = body.optionalInteger("percent_off");
        if (percent != null && (percent < 1 || percent > 99)) {
            throw body.invalid("percent_off", "must be 1-99");
        }
        CouponTemplateCmd cmd = new CouponTemplateCmd(body.text("request_no"), body.text("name"), kind,
                money(body.optionalInteger("amount")), percent == null ? null : percent.intValue(),
                money(body.optionalInteger("cap")), money(body.optionalInteger("min_spend")), body.optionalTime("valid_from"),
                body.optionalTime("valid_until"), fundedBy, body.optionalText("merchant_id"));
        CouponTemplateDTO created = Results.unwrap(coupons.createTemplate(cmd));
        log.info("coupon template {} ({} {}, funded by {}) created by ops, request_no={}", created.templateId(), created.kind(),
                created.name(), created.fundedBy(), cmd.requestNo());
        return view(created);
    }

    /** {@code {"template_id", "buyer_id", "request_no"}}. */
    @PostMapping("/coupons")
    public CouponView issue(@RequestBody(required = false) byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        IssueCouponCmd cmd = new IssueCouponCmd(body.text("template_id"), body.text("buyer_id"), body.text("request_no"));
        CouponDTO issued = Results.unwrap(coupons.issue(cmd));
        log.info("coupon {} of {} issued to {} by ops, request_no={}", issued.couponId(), issued.templateId(), issued.buyerId(),
                cmd.requestNo());
        return view(issued);
    }

    @GetMapping("/buyers/{buyerId}/coupons")
    public List<CouponView> coupons(@PathVariable String buyerId) {
        return Results.unwrap(coupons.listByBuyer(buyerId)).stream().map(this::view).toList();
    }

    @GetMapping("/buyers/{buyerId}/points")
    public PointsView points(@PathVariable String buyerId) {
        return view(Results.unwrap(points.account(buyerId)));
    }

    /** {@code {"points", "request_no", "reason"}}: credits the buyer (idempotent on request_no). */
    @PostMapping("/buyers/{buyerId}/points")
    public PointsView grant(@PathVariable String buyerId, @RequestBody(required = false) byte[] raw) {
        JsonBody body = JsonBody.parse(raw);
        long granted = body.integer("points");
        if (granted <= 0) {
            throw body.invalid("points", "must be positive");
        }
        String requestNo = body.text("request_no");
        PointsAccountDTO after = Results.unwrap(points.grant(new PointsGrantCmd(buyerId, granted, null, requestNo,
                body.optionalText("reason"))));
        log.info("{} points granted to {} by ops, request_no={}", granted, buyerId, requestNo);
        return view(after);
    }

    private static <E extends Enum<E>> E named(JsonBody body, String field, Class<E> type, String allowed) {
        String text = body.text(field);
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw body.invalid(field, "must be " + allowed);
        }
    }

    private static Money money(Long minor) {
        return minor == null ? null : Money.of(minor, CNY);
    }

    private static Long minor(Money money) {
        return money == null ? null : money.minor();
    }

    TemplateView view(CouponTemplateDTO t) {
        return new TemplateView(t.templateId(), t.name(), t.kind().name(), minor(t.amount()), t.percentOff(), minor(t.cap()),
                t.minSpend() == null ? 0 : t.minSpend().minor(), CNY, times.format(t.validFrom()), times.format(t.validUntil()),
                t.fundedBy().name(), t.merchantId(), times.format(t.createdAt()));
    }

    CouponView view(CouponDTO c) {
        return new CouponView(c.couponId(), c.templateId(), c.buyerId(), c.name(), c.kind().name(), minor(c.amount()),
                c.percentOff(), minor(c.cap()), c.minSpend() == null ? 0 : c.minSpend().minor(), CNY, times.format(c.validFrom()),
                times.format(c.validUntil()), c.fundedBy().name(), c.merchantId(), c.status().name(), c.tradeNo());
    }

    static PointsView view(PointsAccountDTO p) {
        return new PointsView(p.buyerId(), p.available(), p.frozen(), p.availableValue() == null ? 0 : p.availableValue().minor(),
                p.availableValue() == null ? CNY : p.availableValue().currency());
    }
}
