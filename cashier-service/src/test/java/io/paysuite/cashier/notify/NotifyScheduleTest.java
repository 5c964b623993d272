package io.paysuite.cashier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class NotifyScheduleTest {

    private static final List<Duration> API_MD = List.of(Duration.ofSeconds(15), Duration.ofSeconds(15), Duration.ofSeconds(30),
            Duration.ofMinutes(3), Duration.ofMinutes(10), Duration.ofMinutes(20), Duration.ofMinutes(30), Duration.ofMinutes(30),
            Duration.ofMinutes(30), Duration.ofMinutes(60), Duration.ofHours(3), Duration.ofHours(3), Duration.ofHours(3),
            Duration.ofHours(6), Duration.ofHours(6));

    private static NotifyProperties bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties))
                .bindOrCreate("paysuite.cashier.notify", NotifyProperties.class);
    }

    @Test
    void theDefaultScheduleIsApiMdsFifteenResendsOverTwentyFourHoursFourMinutes() {
        NotifyProperties defaults = bind(Map.of());

        assertThat(defaults.schedule()).isEqualTo(API_MD);
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(5));
        NotifySchedule schedule = new NotifySchedule(defaults.schedule());
        assertThat(schedule.attempts()).isEqualTo(16);
        assertThat(schedule.span()).isEqualTo(Duration.ofHours(24).plusMinutes(4));
    }

    @Test
    void afterAFailedAttemptTheNextWaitsItsScheduledDelayAndAfterTheLastItIsGivenUp() {
        NotifySchedule schedule = new NotifySchedule(API_MD);

        assertThat(IntStream.rangeClosed(1, 15).mapToObj(n -> schedule.waitAfter(n).orElseThrow()).toList()).isEqualTo(API_MD);
        assertThat(schedule.waitAfter(1)).contains(Duration.ofSeconds(15));
        assertThat(schedule.waitAfter(4)).contains(Duration.ofMinutes(3));
        assertThat(schedule.waitAfter(15)).contains(Duration.ofHours(6));
        assertThat(schedule.waitAfter(16)).isEmpty();
        assertThat(schedule.waitAfter(17)).isEmpty();
        assertThatThrownBy(() -> schedule.waitAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aScaledDownScheduleFromPropertiesReplacesTheDefault() {
        NotifyProperties scaled = bind(Map.of("paysuite.cashier.notify.schedule", "1s,1s,2s", "paysuite.cashier.notify.timeout", "2s"));

        NotifySchedule schedule = new NotifySchedule(scaled.schedule());
        assertThat(schedule.attempts()).isEqualTo(4);
        assertThat(schedule.waitAfter(3)).contains(Duration.ofSeconds(2));
        assertThat(schedule.waitAfter(4)).isEmpty();
        assertThat(scaled.timeout()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void aScheduleWithoutWaitsOrWithANonPositiveWaitIsRefused() {
        assertThatThrownBy(() -> new NotifySchedule(List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new NotifySchedule(List.of(Duration.ofSeconds(1), Duration.ZERO)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bind(Map.of("paysuite.cashier.notify.schedule", "1s,-1s")))
                .hasRootCauseInstanceOf(IllegalArgumentException.class);
    }
}
