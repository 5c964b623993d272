package io.paysuite.sandbox;

import jakarta.annotation.PreDestroy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers channel notifications on the channel's retry schedule (gaps × {@code paysuite.sandbox.time-scale})
 * and records every attempt for {@code GET /sandbox/v1/notifications}. Also the one-shot deliveries of
 * {@code POST /sandbox/v1/notify} ({@link #inject}): no retries, copies racing each other, recorded as injected.
 */
@Component
public class Notifier {

    private static final Logger log = LoggerFactory.getLogger(Notifier.class);

    /** One event to deliver; {@code message} is built per attempt (channels re-sign with a fresh send time). */
    public record Delivery(String channel, String outTradeNo, String notifyId, URI url, String contentType,
                           Supplier<Message> message, Acknowledgement acknowledged, List<Duration> gaps, boolean injected) {

        /** A real notification: retried on {@code gaps}. */
        public Delivery(String channel, String outTradeNo, String notifyId, URI url, String contentType,
                        Supplier<Message> message, Acknowledgement acknowledged, List<Duration> gaps) {
            this(channel, outTradeNo, notifyId, url, contentType, message, acknowledged, gaps, false);
        }
    }

    /** What one attempt sends: the body and the channel's own headers (signatures, timestamps). */
    public record Message(String body, Map<String, String> headers) {
    }

    /** Whether the receiver's answer counts as delivered (each channel has its own rule). */
    public interface Acknowledgement {
        boolean test(int status, String body);
    }

    /**
     * One attempt as recorded: {@code answer} is the receiver's body, or what went wrong; {@code injected} marks the
     * one-shot deliveries of {@code POST /sandbox/v1/notify} (each copy is its own attempt 1).
     */
    public record Attempt(String notifyId, int attempt, Instant at, String answer, boolean injected) {
    }

    private final ScheduledExecutorService scheduler;
    /** Sends that must not wait for the scheduler's two threads: injected copies and SLOW-held attempts. */
    private final ExecutorService senders;
    private final HttpClient http;
    private final FaultInjector faults;
    private final double timeScale;
    private final Map<String, List<Attempt>> attempts = new ConcurrentHashMap<>();

    public Notifier(FaultInjector faults, SandboxProperties properties) {
        this.faults = faults;
        this.timeScale = properties.timeScale();
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> {
            Thread t = new Thread(r, "sandbox-notify-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.senders = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "sandbox-notify-send-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    }

    public void send(Delivery delivery) {
        scheduler.execute(() -> attempt(delivery, 1));
    }

    public List<Attempt> attempts(String channel, String outTradeNo) {
        return List.copyOf(attempts.getOrDefault(key(channel, outTradeNo), List.of()));
    }

    /**
     * One-shot deliveries ({@code POST /sandbox/v1/notify}): {@code delayMillis} later the message is built once and
     * {@code copies} identical deliveries start together on their own threads (duplicates racing each other). Each
     * goes through the notify faults like any attempt, is never retried, and is recorded with {@code injected}.
     */
    public void inject(Delivery delivery, int copies, long delayMillis) {
        scheduler.schedule(() -> {
            Message message;
            try {
                message = delivery.message().get();
            } catch (RuntimeException e) {
                record(delivery, 1, "error: " + e);
                return;
            }
            Delivery once = new Delivery(delivery.channel(), delivery.outTradeNo(), delivery.notifyId(), delivery.url(),
                    delivery.contentType(), () -> message, delivery.acknowledged(), List.of(), true);
            CountDownLatch start = new CountDownLatch(1);
            for (int i = 0; i < copies; i++) {
                senders.execute(() -> {
                    try {
                        start.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                    attempt(once, 1);
                });
            }
            start.countDown();
        }, Math.max(0, delayMillis), TimeUnit.MILLISECONDS);
    }

    /** TIMEOUT and ERROR drop the attempt (retried on schedule); SLOW holds it {@code millis}, then sends it. */
    private void attempt(Delivery d, int number) {
        Optional<FaultRule> fault = faults.draw(d.channel(), FaultRule.Operation.notify);
        if (fault.isPresent() && (fault.get().mode() == FaultRule.Mode.TIMEOUT || fault.get().mode() == FaultRule.Mode.ERROR)) {
            record(d, number, "dropped by fault " + fault.get().mode());
            retry(d, number);
        } else if (fault.isPresent() && fault.get().mode() == FaultRule.Mode.SLOW) {
            // held without holding a scheduler thread, so other notifications (and racing copies) are not queued behind it
            scheduler.schedule(() -> senders.execute(() -> deliver(d, number)), FaultInjector.millis(fault.get()), TimeUnit.MILLISECONDS);
        } else {
            deliver(d, number);
        }
    }

    private void deliver(Delivery d, int number) {
        String answer;
        boolean delivered = false;
        try {
            Message message = d.message().get();
            HttpRequest.Builder request = HttpRequest.newBuilder(d.url()).timeout(Duration.ofSeconds(5))
                    .header("Content-Type", d.contentType())
                    .POST(HttpRequest.BodyPublishers.ofString(message.body(), java.nio.charset.StandardCharsets.UTF_8));
            message.headers().forEach(request::header);
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            // an empty body (WeChat receivers answer 204) is recorded as its status
            answer = response.body() == null || response.body().isEmpty() ? "HTTP " + response.statusCode() : response.body();
            delivered = d.acknowledged().test(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            answer = "error: " + e;
        }
        record(d, number, answer);
        if (!delivered) {
            retry(d, number);
        }
    }

    private void record(Delivery d, int number, String answer) {
        attempts.computeIfAbsent(key(d.channel(), d.outTradeNo()), k -> new CopyOnWriteArrayList<>())
                .add(new Attempt(d.notifyId(), number, Instant.now(), answer, d.injected()));
    }

    private void retry(Delivery d, int number) {
        if (number > d.gaps().size()) {
            if (!d.injected()) {
                log.info("{} notification {} for {} given up after {} attempts", d.channel(), d.notifyId(), d.outTradeNo(), number);
            }
            return;
        }
        long delayMicros = (long) (d.gaps().get(number - 1).toNanos() / 1000.0 * timeScale);
        scheduler.schedule(() -> attempt(d, number + 1), delayMicros, TimeUnit.MICROSECONDS);
    }

    private static String key(String channel, String outTradeNo) {
        return channel.toUpperCase() + "/" + outTradeNo;
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
        senders.shutdownNow();
    }

}
