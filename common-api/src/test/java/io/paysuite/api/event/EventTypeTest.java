package io.paysuite.api.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EventTypeTest {

    @Test
    void everyTagIsNamedOncePerTopic() {
        Set<String> seen = new HashSet<>();
        for (EventType<?> type : EventType.all()) {
            assertThat(seen.add(type.topic() + ":" + type.tag())).as("%s named twice", type).isTrue();
        }
    }

    @Test
    void aKeyBodyCarriesAnOrderNumberFirst() {
        for (EventType<?> type : EventType.all()) {
            if (type.body() == EventType.Body.KEY) {
                assertThat(type.payload().getRecordComponents()[0].getType()).as("%s", type).isEqualTo(String.class);
            }
        }
    }

    @Test
    void anEventTypeIsFoundByItsTopicAndTag() {
        assertThat(EventType.of(Topics.PAY_EVENT, "PAY_SUCCEEDED")).contains(EventType.PAY_SUCCEEDED);
        assertThat(EventType.of(Topics.TRADE_EVENT, "PAY_SUCCEEDED")).isEmpty();
    }
}
