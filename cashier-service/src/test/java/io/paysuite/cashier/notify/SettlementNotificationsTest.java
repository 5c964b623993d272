package io.paysuite.cashier.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.paysuite.api.event.SettlementFinished;
import io.paysuite.api.member.SettlementTermsDTO;
import io.paysuite.api.payout.PayoutStatus;
import io.paysuite.api.settlement.SettlementDTO;
import io.paysuite.api.settlement.SettlementStatus;
import io.paysuite.cashier.api.Times;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

class SettlementNotificationsTest {

    static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
    static final Times TIMES = new Times(ZoneId.of("Asia/Shanghai"));
    static final Instant AT = Instant.parse("2026-12-06T02:00:00Z");

    static SettlementDTO settlement(SettlementStatus status, String payoutNo) {
        return new SettlementDTO("ST20261206M10000001", "M10000001", LocalDate.of(2026, 12, 6), LocalDate.of(2026, 12, 4),
                LocalDate.of(2026, 12, 5), "CNY", 10_000, 2_500, 45, -100, -1_000, 6_355, status, payoutNo,
                payoutNo == null ? null : "****6001", payoutNo == null ? null : PayoutStatus.SUCCESS, payoutNo == null ? null : AT, AT);
    }

    @Test
    void aPaidSettlementIsNotifiedAsTheOpenApiShowsItToTheMerchantsSettlementNotifyUrl() throws Exception {
        SettlementNotifications notifications = new SettlementNotifications(JSON, TIMES,
                merchant -> new SettlementTermsDTO(merchant, 1, "****6001", "Shop", "Bank", "https://shop.example/settled"));

        Notification n = notifications.build(new SettlementFinished("SETTLEMENT.PAID.ST20261206M10000001",
                settlement(SettlementStatus.PAID, "PO20261206M10000001")), AT, AT);

        assertThat(n.eventId()).isEqualTo("SETTLEMENT.PAID.ST20261206M10000001");
        assertThat(n.eventType()).isEqualTo("SETTLEMENT.PAID");
        assertThat(n.notifyUrl()).isEqualTo("https://shop.example/settled");
        JsonNode body = JSON.readTree(n.body());
        assertThat(body.path("id").asText()).isEqualTo(n.eventId());
        assertThat(body.path("event_type").asText()).isEqualTo("SETTLEMENT.PAID");
        JsonNode resource = body.path("resource");
        assertThat(resource.path("settlement_no").asText()).isEqualTo("ST20261206M10000001");
        assertThat(resource.path("period").path("from").asText()).isEqualTo("2026-12-04");
        assertThat(resource.path("carried_forward").asLong()).isEqualTo(-1_000);
        assertThat(resource.path("net").asLong()).isEqualTo(6_355);
        assertThat(resource.path("payout").path("bank_account").asText()).isEqualTo("****6001");
        assertThat(resource.path("payout").path("paid_at").asText()).isEqualTo("2026-12-06T10:00:00+08:00");
    }

    @Test
    void aMerchantWithoutASettlementNotifyUrlGetsNoAddressAndAnOpenSettlementIsNoNotification() throws Exception {
        SettlementNotifications notifications = new SettlementNotifications(JSON, TIMES,
                merchant -> new SettlementTermsDTO(merchant, 1, null, null, null, null));

        Notification failed = notifications.build(new SettlementFinished("SETTLEMENT.FAILED.ST20261206M10000001",
                settlement(SettlementStatus.FAILED, null)), AT, AT);
        assertThat(failed.notifyUrl()).isNull();
        assertThat(JSON.readTree(failed.body()).path("resource").path("payout").isNull()).isTrue();

        assertThatThrownBy(() -> notifications.build(new SettlementFinished("E", settlement(SettlementStatus.PROCESSING, null)), AT, AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new SettlementNotifications(JSON, TIMES, merchant -> null).build(new SettlementFinished("SETTLEMENT.FAILED.X",
                settlement(SettlementStatus.FAILED, null)), AT, AT).notifyUrl()).as("a merchant member-service does not know").isNull();
    }
}
