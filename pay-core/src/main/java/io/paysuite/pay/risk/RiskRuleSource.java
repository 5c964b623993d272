package io.paysuite.pay.risk;

import java.util.function.Consumer;

/**
 * Where the risk rule document comes from (the config center). An implementation keeps the last good
 * document: one that is refused ({@link RiskRules.Invalid}) is logged and changes nothing.
 */
public interface RiskRuleSource {

    /** The rules in force; {@link RiskRules#NONE} before any document. */
    RiskRules current();

    /** Called with every newly accepted document. */
    void onChange(Consumer<RiskRules> listener);

    /** Where the document is kept (for operators). */
    String path();

    /** Writes a document (already validated) to the config center; every instance then loads it. */
    void publish(String document);
}
