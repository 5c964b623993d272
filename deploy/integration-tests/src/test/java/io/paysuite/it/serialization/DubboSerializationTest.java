package io.paysuite.it.serialization;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.common.Result;
import io.paysuite.api.money.Money;
import io.paysuite.api.trade.TradeDTO;
import io.paysuite.api.trade.TradeStatus;
import io.paysuite.api.trade.TradeType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import org.apache.dubbo.common.URL;
import org.apache.dubbo.common.serialize.ObjectInput;
import org.apache.dubbo.common.serialize.ObjectOutput;
import org.apache.dubbo.common.serialize.Serialization;
import org.apache.dubbo.rpc.model.FrameworkModel;
import org.junit.jupiter.api.Test;

/**
 * API records cross Dubbo with hessian2 (the default). A record holding one object twice — the
 * same zero amount as paid and refunded, the same instant twice — broke hessian-lite 4.0.3
 * (apache/dubbo-hessian-lite#80); the root pom pins the fixed version and this test keeps it so.
 * It also proves common-api's serialization allow list admits our types in STRICT mode.
 */
class DubboSerializationTest {

    @Test
    void aResultWithSharedInstancesInsideRecordsSurvivesHessian2() throws Exception {
        Money zero = Money.cny(0);
        Instant now = Instant.parse("2026-11-22T10:15:30.123Z");
        TradeDTO trade = new TradeDTO("T2026112210153001000010417", "M1", "order-1", TradeType.INSTANT, TradeStatus.WAIT_PAY,
                Money.cny(100), zero, zero, "subject", "10000000007", null, "https://merchant.example/notify", null,
                now, now, null, null);

        Object back = roundTrip("hessian2", Result.ok(trade));

        assertThat(back).isEqualTo(Result.ok(trade));
    }

    private static Object roundTrip(String serializationName, Object value) throws Exception {
        Serialization serialization = FrameworkModel.defaultModel().getExtensionLoader(Serialization.class).getExtension(serializationName);
        URL url = URL.valueOf("dubbo://127.0.0.1:20880/test");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ObjectOutput out = serialization.serialize(url, bytes);
        out.writeObject(value);
        out.flushBuffer();
        ObjectInput in = serialization.deserialize(url, new ByteArrayInputStream(bytes.toByteArray()));
        return in.readObject(value.getClass());
    }
}
