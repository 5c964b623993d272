package io.paysuite.channel.charge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CodeScheduleTest {

    @Test
    void pollsEveryFiveSecondsUntilThirtyThenBacksOffAndEnds() {
        CodeSchedule schedule = CodeSchedule.standard();
        for (int attempt = 0; attempt < 6; attempt++) {
            assertThat(schedule.next(attempt)).isEqualTo(Duration.ofSeconds(5));
        }
        assertThat(schedule.next(6)).isEqualTo(Duration.ofSeconds(10));
        assertThat(schedule.next(7)).isEqualTo(Duration.ofSeconds(30));
        assertThat(schedule.next(13)).isEqualTo(Duration.ofHours(1));
        assertThat(schedule.next(14)).isNull();
    }
}
