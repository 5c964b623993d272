package io.paysuite.sandbox;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

@WebMvcTest(SandboxControlController.class)
@Import({FaultInjector.class, QrRegistry.class})
class SandboxControlControllerTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    Notifier notifier;

    @Test
    void faultRulesAreKeptUntilCleared() throws Exception {
        mvc.perform(post("/sandbox/v1/faults").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"WECHAT\",\"operation\":\"charge\",\"mode\":\"TIMEOUT\",\"rate\":1.0,\"millis\":5000}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/sandbox/v1/faults")).andExpect(jsonPath("$[0].mode").value("TIMEOUT"));
        mvc.perform(post("/sandbox/v1/faults").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"WECHAT\",\"operation\":\"refund\",\"mode\":\"ERROR\",\"rate\":1.0,\"code\":\"NO_AUTH\"}"))
                .andExpect(status().isCreated());
        mvc.perform(get("/sandbox/v1/faults")).andExpect(jsonPath("$[1].code").value("NO_AUTH"));
        mvc.perform(delete("/sandbox/v1/faults")).andExpect(status().isNoContent());
        mvc.perform(get("/sandbox/v1/faults")).andExpect(jsonPath("$.length()").value(0));
    }

    @Test
    void faultRateAboveOneIsRefused() throws Exception {
        mvc.perform(post("/sandbox/v1/faults").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"WECHAT\",\"operation\":\"charge\",\"mode\":\"TIMEOUT\",\"rate\":1.5,\"millis\":0}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void scanOfAnUnknownCodeIsNotFound() throws Exception {
        mvc.perform(post("/sandbox/v1/scan").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"code_url\":\"https://qr.alipay.com/nothing\",\"outcome\":\"SUCCESS\"}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("QR_NOT_FOUND"));
    }

    @Test
    void notifyBindsSnakeCaseAndNamesAnUnknownChannel() throws Exception {
        mvc.perform(post("/sandbox/v1/notify").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"UNIONPAY\",\"out_trade_no\":\"U1\",\"copies\":2,\"delay_millis\":10}"))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CHANNEL_NOT_FOUND"));
    }

    @Test
    void notifyRefusesAMissingOrderNumberAndABadCopyCount() throws Exception {
        mvc.perform(post("/sandbox/v1/notify").contentType(MediaType.APPLICATION_JSON).content("{\"channel\":\"ALIPAY\"}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/sandbox/v1/notify").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"ALIPAY\",\"out_trade_no\":\"A1\",\"copies\":0}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/sandbox/v1/notify").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"ALIPAY\",\"out_trade_no\":\"A1\",\"delay_millis\":-1}"))
                .andExpect(status().isBadRequest());
        mvc.perform(post("/sandbox/v1/notify").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"channel\":\"ALIPAY\",\"out_trade_no\":\"A1\",\"total_fen\":0}"))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theOrdersOfAnUnknownChannelAreNotFound() throws Exception {
        mvc.perform(get("/sandbox/v1/orders/UNIONPAY")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("CHANNEL_NOT_FOUND"));
    }
}
