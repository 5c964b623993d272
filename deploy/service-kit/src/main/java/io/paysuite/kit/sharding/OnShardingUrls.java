package io.paysuite.kit.sharding;

import java.util.List;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * True when {@code paysuite.sharding.urls} names at least one database, however it is written (a
 * YAML list, {@code urls[0]=…} from the launcher, or a comma-separated value), which a plain
 * {@code @ConditionalOnProperty} on one key cannot tell.
 */
class OnShardingUrls implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return Binder.get(context.getEnvironment())
                .bind("paysuite.sharding.urls", Bindable.listOf(String.class))
                .map(urls -> !urls.isEmpty())
                .orElse(false);
    }
}
