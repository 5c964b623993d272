package io.paysuite.member.promotion;

import io.paysuite.api.error.BizException;
import io.paysuite.api.error.ErrorCode;
import io.paysuite.api.money.Money;
import io.paysuite.api.promotion.HoldStatus;
import io.paysuite.api.promotion.PointsAccountDTO;
import io.paysuite.api.promotion.PointsGrantCmd;
import io.paysuite.api.promotion.PointsUseCmd;
import io.paysuite.api.promotion.PointsUseDTO;
import io.paysuite.member.buyer.BuyerFinder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A buyer's points: grants, and the freeze → confirm / release → give-back of one use per payment
 * (PointsService's Javadoc is the contract). Like coupons, every call is idempotent on its use key and a
 * release before the freeze is recorded so the late freeze is refused. The balance is never read-then-
 * written: the freeze's UPDATE carries the condition {@code available >= points}, so of twenty parallel
 * freezes exactly those that fit succeed. One that lost to another only by the amount it computed from
 * an older balance tries again on the new one, a few times at most.
 */
public final class Points {

    static final String CURRENCY = "CNY";
    private static final int FREEZE_ATTEMPTS = 3;

    private final PointsRepository points;
    private final PointsRules rules;
    private final BuyerFinder buyers;
    private final Clock clock;
    private final PointsLiability liability;

    public Points(PointsRepository points, PointsRules rules, BuyerFinder buyers, Clock clock, PointsLiability liability) {
        this.liability = liability;
        this.points = points;
        this.rules = rules;
        this.buyers = buyers;
        this.clock = clock;
    }

    public PointsAccountDTO account(String buyerId) {
        return toDTO(points.balance(buyers.get(buyerId).buyerId()));
    }

    public PointsAccountDTO grant(PointsGrantCmd cmd) {
        CouponTermsRules.require(cmd != null, "request", "is required");
        CouponTermsRules.requestNo(cmd.requestNo());
        CouponTermsRules.require((cmd.points() == null) != (cmd.paidAmount() == null), "points",
                "or paid_amount is required, not both");
        String buyerId = buyers.get(cmd.buyerId()).buyerId();
        long granted;
        if (cmd.points() != null) {
            CouponTermsRules.require(cmd.points() > 0, "points", "must be positive");
            granted = cmd.points();
        } else {
            CouponTermsRules.require(CURRENCY.equals(cmd.paidAmount().currency()) && cmd.paidAmount().minor() >= 0,
                    "paid_amount", "must be a CNY amount of at least 0");
            granted = rules.earnedOn(cmd.paidAmount());
        }
        String reason = cmd.reason() == null ? null : cmd.reason().substring(0, Math.min(128, cmd.reason().length()));
        if (granted > 0) {
            points.grant(buyerId, granted, cmd.requestNo(), reason, now()); // false: a repeat, already granted
            // a repeat books again under the same key: the ledger answers the first entry, or posts the one a lost answer missed
            liability.granted(buyerId, granted, rules.valueOf(granted, CURRENCY), cmd.requestNo());
        }
        return toDTO(points.balance(buyerId));
    }

    public PointsUseDTO freeze(PointsUseCmd cmd) {
        CouponTermsRules.require(cmd != null, "request", "is required");
        useKey(cmd.useKey());
        CouponTermsRules.require(cmd.maxValue() != null && CURRENCY.equals(cmd.maxValue().currency()), "max_value",
                "must be a CNY amount");
        String buyerId = buyers.get(cmd.buyerId()).buyerId();
        for (int attempt = 0; attempt < FREEZE_ATTEMPTS; attempt++) {
            Optional<PointsUse> known = points.findUse(cmd.useKey());
            if (known.isPresent()) {
                return repeatFreeze(known.get(), buyerId);
            }
            long usable = rules.pointsFor(points.balance(buyerId).available(), cmd.maxValue());
            if (usable <= 0) {
                throw new BizException(ErrorCode.POINTS_INSUFFICIENT, "no usable points for " + cmd.maxValue());
            }
            PointsUse use = new PointsUse(cmd.useKey(), buyerId, cmd.tradeNo(), usable, rules.valueOf(usable, CURRENCY),
                    HoldStatus.FROZEN);
            if (points.freeze(use, now())) {
                return use.toDTO();
            }
        }
        throw new BizException(ErrorCode.POINTS_INSUFFICIENT, "the points changed under concurrent uses; none frozen");
    }

    public PointsUseDTO confirm(String useKey) {
        PointsUse use = existing(useKey);
        return switch (use.status()) {
            case CONFIRMED, RETURNED -> use.toDTO();
            case RELEASED -> throw refused(use, "was released; it cannot be confirmed");
            case FROZEN -> settle(use, HoldStatus.CONFIRMED);
        };
    }

    public PointsUseDTO release(String useKey) {
        useKey(useKey);
        Optional<PointsUse> known = points.findUse(useKey);
        if (known.isEmpty()) {
            if (points.insertReleased(useKey, CURRENCY, now())) {
                return new PointsUse(useKey, null, null, 0, rules.valueOf(0, CURRENCY), HoldStatus.RELEASED).toDTO();
            }
            known = points.findUse(useKey);
        }
        PointsUse use = known.orElseThrow(() -> new IllegalStateException("points use reported taken but not found"));
        return switch (use.status()) {
            case RELEASED -> use.toDTO();
            case CONFIRMED, RETURNED -> throw refused(use, "is confirmed; it stays spent");
            case FROZEN -> settle(use, HoldStatus.RELEASED);
        };
    }

    public PointsUseDTO giveBack(String useKey) {
        PointsUse use = existing(useKey);
        return switch (use.status()) {
            case RETURNED, RELEASED -> use.toDTO();
            case FROZEN -> throw refused(use, "is not confirmed; release it instead");
            case CONFIRMED -> settle(use, HoldStatus.RETURNED);
        };
    }

    private PointsUseDTO settle(PointsUse use, HoldStatus to) {
        HoldTransitions.TABLE.require(use.status(), to);
        if (points.settle(use, use.status(), to, now())) {
            return use.with(to).toDTO();
        }
        PointsUse now = points.findUse(use.useKey()).orElseThrow();
        if (now.status() != to) {
            throw refused(now, "is " + now.status());
        }
        return now.toDTO();
    }

    private static PointsUseDTO repeatFreeze(PointsUse use, String buyerId) {
        if ((use.status() == HoldStatus.FROZEN || use.status() == HoldStatus.CONFIRMED) && buyerId.equals(use.buyerId())) {
            return use.toDTO();
        }
        throw refused(use, "was already " + use.status() + (buyerId.equals(use.buyerId()) || use.buyerId() == null ? ""
                : " for another buyer"));
    }

    private PointsUse existing(String useKey) {
        useKey(useKey);
        return points.findUse(useKey).orElseThrow(() ->
                new BizException(ErrorCode.POINTS_INSUFFICIENT, "no points use " + useKey));
    }

    private PointsAccountDTO toDTO(PointsBalance balance) {
        return new PointsAccountDTO(balance.buyerId(), balance.available(), balance.frozen(),
                rules.valueOf(rules.pointsFor(balance.available(), Money.of(Long.MAX_VALUE, CURRENCY)), CURRENCY));
    }

    private static void useKey(String useKey) {
        CouponTermsRules.require(useKey != null && Coupons.USE_KEY.matcher(useKey).matches(), "use_key",
                "must be 1-64 of [A-Za-z0-9_-]");
    }

    /** A use in a state that refuses the call: the payment cannot use these points (a definite answer). */
    private static BizException refused(PointsUse use, String why) {
        return new BizException(ErrorCode.POINTS_INSUFFICIENT, "points use " + use.useKey() + " " + why);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
