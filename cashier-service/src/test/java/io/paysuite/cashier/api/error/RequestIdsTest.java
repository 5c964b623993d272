package io.paysuite.cashier.api.error;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class RequestIdsTest {

    @Test
    void outsideAnyTraceARequestGetsARandomIdShapedLikeATraceIdAndKeepsIt() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/v1/trades");

        String id = RequestIds.of(request);

        assertThat(id).matches("[0-9a-f]{32}");
        assertThat(RequestIds.of(request)).as("the header and the error body agree").isEqualTo(id);
        assertThat(RequestIds.of(new MockHttpServletRequest())).isNotEqualTo(id);
    }
}
