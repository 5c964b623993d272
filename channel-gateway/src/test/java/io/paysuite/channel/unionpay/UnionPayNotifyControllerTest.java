package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.paysuite.channel.adapter.ChannelCall;
import io.paysuite.channel.adapter.Outcome;
import io.paysuite.channel.charge.ChannelNotifications;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

class UnionPayNotifyControllerTest {

    final ChannelNotifications notifications = mock(ChannelNotifications.class);
    final UnionPayNotifyController controller = new UnionPayNotifyController(notifications,
            java.util.List.of(new AcpClient(UnionPayCardAdapterTest.properties("http://127.0.0.1:1"))));

    static Map<String, String> notification(String txnType, String respCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("version", "5.1.0");
        form.put("encoding", "UTF-8");
        form.put("signMethod", "01");
        form.put("txnType", txnType);
        form.put("merId", "777290058110048");
        form.put("orderId", UnionPayCardAdapterTest.NO);
        form.put("txnTime", "20261129223344");
        form.put("txnAmt", "1234");
        form.put("queryId", "202611292233440000001");
        form.put("respCode", respCode);
        form.put("respMsg", "成功[0000000]");
        return form;
    }

    static Map<String, String> signed(Map<String, String> form) {
        form.put("certId", FakeUnionPay.PLATFORM_CERT_ID);
        form.put("signature", AcpSigner.sign(form, FakeUnionPay.PLATFORM.getPrivate()));
        return form;
    }

    @Test
    void aVerifiedPaymentIsHandedToChannelOrdersThen200() {
        assertThat(controller.notify(signed(notification("01", "00"))).getStatusCode().value()).isEqualTo(200);
        ArgumentCaptor<ChannelCall> call = ArgumentCaptor.forClass(ChannelCall.class);
        verify(notifications).notified(eq(UnionPayCardAdapterTest.NO), call.capture());
        assertThat(call.getValue().outcome()).isEqualTo(Outcome.SUCCESS);
        assertThat(call.getValue().channelTradeNo()).isEqualTo("202611292233440000001");
        assertThat(call.getValue().paidMinor()).isEqualTo(1234L);
    }

    @Test
    void aDeclineIsAFailureWithoutAnAmount() {
        controller.notify(signed(notification("01", "64")));
        ArgumentCaptor<ChannelCall> call = ArgumentCaptor.forClass(ChannelCall.class);
        verify(notifications).notified(eq(UnionPayCardAdapterTest.NO), call.capture());
        assertThat(call.getValue().outcome()).isEqualTo(Outcome.FAILURE);
        assertThat(call.getValue().paidMinor()).isNull();
    }

    @Test
    void forgedOrForeignNotificationsAreRefused() {
        Map<String, String> forged = notification("01", "00");
        forged.put("certId", FakeUnionPay.PLATFORM_CERT_ID);
        forged.put("signature", AcpSigner.sign(forged, FakeUnionPay.STRANGER.getPrivate()));
        assertThat(controller.notify(forged).getStatusCode().value()).isEqualTo(400);
        Map<String, String> tampered = signed(notification("01", "00"));
        tampered.put("txnAmt", "1");
        assertThat(controller.notify(tampered).getStatusCode().value()).isEqualTo(400);
        Map<String, String> foreign = notification("01", "00");
        foreign.put("merId", "777290058110049");
        assertThat(controller.notify(signed(foreign)).getStatusCode().value()).isEqualTo(400);
        verify(notifications, never()).notified(any(), any());
    }

    @Test
    void notRecordedIs500SoUnionPayResendsAndNothingToRecordIs200() {
        doThrow(new IllegalStateException("db down")).when(notifications).notified(any(), any());
        assertThat(controller.notify(signed(notification("01", "00"))).getStatusCode().value()).isEqualTo(500);
        assertThat(controller.notify(signed(notification("04", "00"))).getStatusCode().value()).as("a refund's").isEqualTo(200);
        assertThat(controller.notify(signed(notification("01", "05"))).getStatusCode().value()).as("not final").isEqualTo(200);
    }
}
