package io.paysuite.kit.config;

/** Counts what the rule sources accept and refuse, per key (Micrometer when present: {@link MicrometerRuleMetrics}). */
public interface RuleMetrics {

    RuleMetrics NONE = new RuleMetrics() {
        @Override
        public void accepted(String key) {
        }

        @Override
        public void refused(String key) {
        }
    };

    /** A document under {@code key} (or its removal) is now in force. */
    void accepted(String key);

    /** A document under {@code key} was refused; the last good one stays. */
    void refused(String key);
}
