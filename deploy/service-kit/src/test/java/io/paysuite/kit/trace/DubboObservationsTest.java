package io.paysuite.kit.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.ObservationRegistry;
import org.apache.dubbo.rpc.model.ApplicationModel;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.apache.dubbo.tracing.filter.ObservationReceiverFilter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DubboObservationsTest {

    private final FrameworkModel framework = new FrameworkModel();

    @AfterEach
    void destroy() {
        framework.destroy();
    }

    @Test
    void dubbosObservationFiltersFindTheApplicationsRegistry() {
        ObservationRegistry registry = ObservationRegistry.create();
        ApplicationModel model = framework.newApplication();

        new DubboObservations(registry).registerIn(model);

        assertThat(model.getBeanFactory().getBean(ObservationRegistry.class)).isSameAs(registry);
        // the provider-side filter takes the registry at construction: it is there for it
        assertThat(new ObservationReceiverFilter(model)).isNotNull();
    }

    @Test
    void aRegistryAlreadyGivenToDubboIsKept() {
        ObservationRegistry first = ObservationRegistry.create();
        ApplicationModel model = framework.newApplication();
        model.getBeanFactory().registerBean(first);

        new DubboObservations(ObservationRegistry.create()).registerIn(model);

        assertThat(model.getBeanFactory().getBean(ObservationRegistry.class)).isSameAs(first);
    }
}
