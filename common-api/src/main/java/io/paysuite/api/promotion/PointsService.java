package io.paysuite.api.promotion;

import io.paysuite.api.ReadOnly;
import io.paysuite.api.common.Result;

/**
 * Points over Dubbo (provider: member-service); a platform liability the ledger carries. Like coupons, a
 * use is {@link #freeze} then {@link #confirm} or {@link #release}, idempotent on {@code useKey}, with a
 * release before its freeze recorded so the late freeze is refused; {@link #giveBack} returns confirmed
 * points when the whole trade is refunded. No concurrent use can take the balance below zero.
 */
public interface PointsService {

    /** The buyer's points; a buyer with none answers zeros. Read-only. */
    @ReadOnly
    Result<PointsAccountDTO> account(String buyerId);

    /** Credit points; {@code BUYER_NOT_FOUND}, {@code PARAM_ERROR}. */
    Result<PointsAccountDTO> grant(PointsGrantCmd cmd);

    /** Freeze points for a payment; {@code POINTS_INSUFFICIENT} when the buyer has none usable. */
    Result<PointsUseDTO> freeze(PointsUseCmd cmd);

    Result<PointsUseDTO> confirm(String useKey);

    Result<PointsUseDTO> release(String useKey);

    Result<PointsUseDTO> giveBack(String useKey);
}
