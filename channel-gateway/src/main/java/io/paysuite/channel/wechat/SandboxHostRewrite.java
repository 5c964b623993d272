package io.paysuite.channel.wechat;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * wechatpay-java hard-codes {@code https://api.mch.weixin.qq.com}; this OkHttp interceptor sends
 * those requests to another base URL (the channel sandbox). The request signature covers method,
 * path, query, timestamp, nonce and body — not the host — so it stays valid. The SDK itself
 * rewrites hosts the same way for its backup domain ({@code OkHttpMultiDomainInterceptor}).
 */
final class SandboxHostRewrite implements Interceptor {

    private final HttpUrl target;

    SandboxHostRewrite(String baseUrl) {
        this.target = HttpUrl.get(baseUrl);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url().newBuilder().scheme(target.scheme()).host(target.host()).port(target.port()).build();
        return chain.proceed(request.newBuilder().url(url).build());
    }
}
