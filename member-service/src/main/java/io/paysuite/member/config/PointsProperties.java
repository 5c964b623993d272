package io.paysuite.member.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * {@code paysuite.points.*}: how buyers earn and redeem points (promotion.PointsRules).
 *
 * @param earnPerYuan points earned per 1.00 CNY paid, rounded down (1: one point per yuan)
 * @param redeemRate  points that pay 1.00 CNY (100: one point pays 0.01)
 */
@Validated
@ConfigurationProperties("paysuite.points")
public record PointsProperties(
        @DefaultValue("1") @Min(0) @Max(10_000) long earnPerYuan,
        @DefaultValue("100") @Min(1) @Max(1_000_000) long redeemRate) {
}
