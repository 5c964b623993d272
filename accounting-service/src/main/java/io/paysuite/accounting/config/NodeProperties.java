package io.paysuite.accounting.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/** @param node this instance's number, 0–99, unique among running instances (set by the launcher); part of entry numbers */
@Validated
@ConfigurationProperties("paysuite")
public record NodeProperties(@Min(0) @Max(99) int node) {
}
