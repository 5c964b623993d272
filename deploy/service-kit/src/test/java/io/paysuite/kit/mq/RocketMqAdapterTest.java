package io.paysuite.kit.mq;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.context.SmartLifecycle;

class RocketMqAdapterTest {

    final List<String> log = new ArrayList<>();

    SmartLifecycle client(String name) {
        return new SmartLifecycle() {
            boolean running;

            @Override
            public void start() {
                log.add("start " + name);
                running = true;
            }

            @Override
            public void stop() {
                log.add("stop " + name);
                running = false;
            }

            @Override
            public boolean isRunning() {
                return running;
            }
        };
    }

    @Test
    void clientsStartInTheOrderTheyWereRegisteredAndStopInReverse() {
        RocketMqAdapter adapter = new RocketMqAdapter(0) {
            {
                runs(client("producer"));
                runs(client("consumer"));
            }
        };

        adapter.start();
        assertThat(adapter.isRunning()).isTrue();
        adapter.stop();

        assertThat(log).containsExactly("start producer", "start consumer", "stop consumer", "stop producer");
        assertThat(adapter.isRunning()).isFalse();
    }
}
