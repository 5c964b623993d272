package io.paysuite.kit.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;

class MessageSenderTest {

    private final List<String> heard = new ArrayList<>();

    @Test
    void aSenderThatStoresRunsStoredOnlyAfterTheSend() {
        MessageSender broker = message -> heard.add("sent " + message.getTags());

        broker.sendThen(new Message("t", "TAG", new byte[0]), () -> heard.add("stored"), e -> heard.add("not stored"));

        assertThat(heard).containsExactly("sent TAG", "stored");
    }

    @Test
    void aSenderThatThrowsRunsNotStoredWithItsFailureAndNeverStored() {
        MessageSender brokerDown = message -> {
            throw new IllegalStateException("broker down");
        };

        brokerDown.sendThen(new Message("t", "TAG", new byte[0]), () -> heard.add("stored"),
                e -> heard.add("not stored: " + e.getMessage()));

        assertThat(heard).containsExactly("not stored: broker down");
    }
}
