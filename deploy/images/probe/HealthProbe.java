import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The images' health check for Compose (OCI images have no HEALTHCHECK, and neither the scratch base nor a JRE
 * base is sure to have curl): exits 0 when the URL answers 200, 1 otherwise. java.base only, no package, so it runs
 * as {@code java -cp /opt/paysuite/probe HealthProbe http://127.0.0.1:8081/actuator/health/readiness}. Kubernetes
 * probes the same URL with its own httpGet and never needs this.
 */
public final class HealthProbe {

    private HealthProbe() {
    }

    public static void main(String[] args) {
        String url = args.length > 0 ? args[0] : "http://127.0.0.1:8080/actuator/health/readiness";
        try {
            HttpURLConnection connection = (HttpURLConnection) URI.create(url).toURL().openConnection();
            connection.setConnectTimeout(2000);
            connection.setReadTimeout(3000);
            int status = connection.getResponseCode();
            connection.disconnect();
            System.exit(status == 200 ? 0 : 1);
        } catch (IOException | RuntimeException e) {
            System.err.println("health probe: " + url + ": " + e);
            System.exit(1);
        }
    }
}
