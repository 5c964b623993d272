package io.paysuite.kit.access;

import java.util.List;
import java.util.Set;

/**
 * One rule of who may call what: the methods of a Dubbo service that move money (or hand out what
 * moves money, like a card token) and the internal applications allowed to call them.
 *
 * @param service the interface's full name
 * @param methods the guarded method names; every other method of the service stays open
 * @param callers Dubbo application names allowed to call them
 */
public record GuardedCall(String service, Set<String> methods, Set<String> callers) {

    public GuardedCall {
        methods = Set.copyOf(methods);
        callers = Set.copyOf(callers);
    }

    /**
     * The suite's money-moving providers and their callers. The ledger's writes are the posting path
     * of pay-core and trade-core, member-service's booking of points grants, the operators'
     * adjustments through the ops API (cashier-service) and
     * their tools ({@code ops-tools}: the local run's demo seed); channel charges come only from
     * pay-core and channel refunds from trade-core (pay-core for a charge it reverses); taking and
     * giving back a trade for payment only from pay-core; a card's token only reaches the cashier, which resolves
     * the buyer's chosen card on the server and hands the token to pay-core for that one charge.
     * {@code TradeService}, {@code PayService} and {@code RefundService} stay open to internal
     * consumers: they carry their own checks (merchant, buyer and payment password, amounts).
     */
    public static final List<GuardedCall> DEFAULTS = List.of(
            new GuardedCall("io.paysuite.api.ledger.LedgerService",
                    Set.of("post", "postPayment", "postRelease", "postRefund", "postRefundReversal", "setFeeRate"),
                    Set.of("pay-core", "trade-core", "cashier-service", "ops-tools", "channel-gateway", "member-service")),
            new GuardedCall("io.paysuite.api.channel.ChannelService", Set.of("charge"), Set.of("pay-core")),
            new GuardedCall("io.paysuite.api.channel.ChannelService", Set.of("refund"), Set.of("trade-core", "pay-core")),
            // a card pre-authorisation's completion or cancel: trade-core's capture or void
            new GuardedCall("io.paysuite.api.channel.ChannelService", Set.of("endAuthorisation"), Set.of("trade-core")),
            new GuardedCall("io.paysuite.api.trade.TradePaymentService", Set.of("beginPay", "abandonPay", "paid"), Set.of("pay-core")),
            new GuardedCall("io.paysuite.api.member.MemberService", Set.of("resolveCardToken"), Set.of("cashier-service")),
            // money leaves the platform: only the ledger's owner, which holds the money aside before it calls
            new GuardedCall("io.paysuite.api.payout.PayoutService", Set.of("payout"), Set.of("accounting-service")),
            // settlement: only the payout gets the full bank account; operators (through the ops API) set terms and run settlements
            new GuardedCall("io.paysuite.api.member.MerchantService", Set.of("settlementAccount"), Set.of("accounting-service")),
            new GuardedCall("io.paysuite.api.member.MerchantService", Set.of("setSettlementTerms"), Set.of("cashier-service", "ops-tools")),
            // a new signing key is a merchant's identity on the open API: only operators (ops API) rotate it
            new GuardedCall("io.paysuite.api.member.MerchantService", Set.of("rotateAppKey"), Set.of("cashier-service", "ops-tools")),
            new GuardedCall("io.paysuite.api.settlement.SettlementService", Set.of("run"), Set.of("cashier-service", "ops-tools")),
            // a reconciliation run clears a day and settles orders; a resolution posts entries and refunds buyers
            new GuardedCall("io.paysuite.api.recon.ReconciliationService", Set.of("run", "runPayouts", "resolve"),
                    Set.of("cashier-service", "ops-tools")),
            // coupons and points pay part of a trade: a payment's Saga (pay-core) and a refund's give-back use them;
            // operators (ops API, demo seed) issue coupons and grant points, and a paid trade earns points
            new GuardedCall("io.paysuite.api.promotion.CouponService", Set.of("freeze", "confirm", "release", "giveBack"),
                    Set.of("pay-core", "trade-core")),
            new GuardedCall("io.paysuite.api.promotion.CouponService", Set.of("issue"), Set.of("cashier-service", "ops-tools")),
            new GuardedCall("io.paysuite.api.promotion.PointsService", Set.of("freeze", "confirm", "release", "giveBack"),
                    Set.of("pay-core", "trade-core")),
            new GuardedCall("io.paysuite.api.promotion.PointsService", Set.of("grant"),
                    Set.of("pay-core", "trade-core", "cashier-service", "ops-tools")),
            // profit sharing moves a merchant's money to other merchants: only the open API, which proved the merchant
            new GuardedCall("io.paysuite.api.sharing.ProfitSharingService", Set.of("share", "giveBack", "unfreeze"),
                    Set.of("cashier-service")),
            // a buyer's wallet moves only from the cashier's wallet page (which logged the buyer in);
            // a phone is turned into a buyer only for the wallet's transfers, so the phone book cannot be walked
            new GuardedCall("io.paysuite.api.wallet.WalletService", Set.of("transfer", "withdraw"), Set.of("cashier-service")),
            new GuardedCall("io.paysuite.api.member.MemberService", Set.of("buyerByPhone"), Set.of("accounting-service")),
            // pre-authorisations: the hold is posted by pay-core's payment, captured or voided by trade-core only
            new GuardedCall("io.paysuite.api.ledger.LedgerService", Set.of("postAuthorisation"), Set.of("pay-core")),
            new GuardedCall("io.paysuite.api.ledger.LedgerService", Set.of("postHoldSettlement"), Set.of("trade-core")),
            // the merchant's capture and void come through the open API only
            new GuardedCall("io.paysuite.api.trade.PreAuthService", Set.of("capture", "voidAuthorisation"),
                    Set.of("cashier-service")),
            // a combination payment's coupon and points go back only with the refund that returned its whole trade
            new GuardedCall("io.paysuite.api.pay.PayService", Set.of("giveBackParts"), Set.of("trade-core")));

    public boolean guards(String service, String method) {
        return this.service.equals(service) && methods.contains(method);
    }
}
