import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;

/**
 * The images' one HTTP tool (OCI images have no HEALTHCHECK, and neither the scratch base nor a JRE base is sure
 * to have curl or sleep): GETs a URL and exits 0 when it answers 200, 1 otherwise; then, if asked, waits.
 * java.base only, no package:
 * <ul>
 *   <li>Compose's health check: {@code java -cp /opt/paysuite/probe HealthProbe http://127.0.0.1:8081/actuator/health/readiness}
 *       (Kubernetes probes the same URL with its own httpGet);</li>
 *   <li>Kubernetes' preStop: {@code … HealthProbe http://127.0.0.1:22281/offline 10} takes the instance out of the
 *       registry through Dubbo's QoS, then waits 10 s while consumers and the Service's endpoints catch up, before
 *       the SIGTERM starts Dubbo's and Spring's own graceful shutdown.</li>
 * </ul>
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
            if (args.length > 1) {
                Thread.sleep(Long.parseLong(args[1]) * 1000);
            }
            System.exit(status == 200 ? 0 : 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(1);
        } catch (IOException | RuntimeException e) {
            System.err.println("health probe: " + url + ": " + e);
            System.exit(1);
        }
    }
}
