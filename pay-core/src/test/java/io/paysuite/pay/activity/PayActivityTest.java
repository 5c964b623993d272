package io.paysuite.pay.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.api.error.BizException;
import io.paysuite.api.pay.PayMethod;
import io.paysuite.api.pay.PayMinuteCountDTO;
import io.paysuite.pay.infra.activity.PayActivityMapper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PayActivityTest {

    static final Instant NOW = Instant.parse("2026-12-01T08:30:42Z");

    final AtomicReference<LocalDateTime> asked = new AtomicReference<>();
    final PayActivityMapper mapper = since -> {
        asked.set(since);
        return List.of(new PayActivityMapper.MinuteRow("2026-12-01 08:29", "ALIPAY_QR", "ALIPAY", "SUCCESS", 7),
                new PayActivityMapper.MinuteRow("2026-12-01 08:30", "BALANCE", null, "SUCCESS", 2));
    };
    final PayActivity activity = new PayActivity(mapper, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void theCountsComeFromWholeMinutesInUtcWithTheirMethodChannelAndStatus() {
        List<PayMinuteCountDTO> counts = activity.since(NOW.minus(Duration.ofHours(1)));

        assertThat(asked.get()).isEqualTo(LocalDateTime.parse("2026-12-01T07:30:00"));
        assertThat(counts).containsExactly(
                new PayMinuteCountDTO(Instant.parse("2026-12-01T08:29:00Z"), PayMethod.ALIPAY_QR, "ALIPAY", "SUCCESS", 7),
                new PayMinuteCountDTO(Instant.parse("2026-12-01T08:30:00Z"), PayMethod.BALANCE, null, "SUCCESS", 2));
    }

    @Test
    void aWindowLongerThanADayOrInTheFutureIsRefused() {
        assertThatThrownBy(() -> activity.since(NOW.minus(Duration.ofDays(2)))).isInstanceOf(BizException.class);
        assertThatThrownBy(() -> activity.since(NOW.plusSeconds(120))).isInstanceOf(BizException.class);
        assertThat(activity.since(NOW.minus(Duration.ofDays(1)))).hasSize(2);
    }
}
