package io.paysuite.pay.risk;

/** A velocity rule's window: the calendar minute or day (in the engine's zone). */
public enum RiskWindow {
    MINUTE, DAY
}
