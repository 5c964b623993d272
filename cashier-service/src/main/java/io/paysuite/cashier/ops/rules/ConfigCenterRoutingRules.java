package io.paysuite.cashier.ops.rules;

import org.springframework.stereotype.Component;

/** The routing rule document in the config center, where channel-gateway watches it (key {@link RulesProperties#routingKey}). */
@Component
public class ConfigCenterRoutingRules implements RuleDocumentSource {

    private final ConfigCenterDocuments documents;
    private final RulesProperties properties;

    public ConfigCenterRoutingRules(ConfigCenterDocuments documents, RulesProperties properties) {
        this.documents = documents;
        this.properties = properties;
    }

    @Override
    public Versioned read() {
        return documents.read(properties.routingKey());
    }

    @Override
    public String write(String text, String expectedVersion) {
        return documents.write(properties.routingKey(), text, expectedVersion);
    }
}
