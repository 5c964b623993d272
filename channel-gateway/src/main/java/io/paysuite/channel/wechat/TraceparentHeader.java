package io.paysuite.channel.wechat;

import io.paysuite.kit.trace.CurrentTrace;
import java.io.IOException;
import java.util.Map;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the current trace's W3C headers ({@code traceparent}) to every WeChat Pay v3 call, so a call
 * can be matched with the payment's log lines on both sides. WeChat's v3 signature covers the method,
 * URL, timestamp, nonce and body, never extra headers: adding one changes nothing it verifies. An
 * application interceptor runs on the calling thread (the SDK calls synchronously), where the trace is.
 */
final class TraceparentHeader implements Interceptor {

    @Override
    public Response intercept(Chain chain) throws IOException {
        Map<String, String> headers = CurrentTrace.httpHeaders();
        if (headers.isEmpty()) {
            return chain.proceed(chain.request());
        }
        Request.Builder traced = chain.request().newBuilder();
        headers.forEach(traced::header);
        return chain.proceed(traced.build());
    }
}
