package io.paysuite.cashier.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.paysuite.api.error.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Keeps the served OpenAPI document ({@code docs/api/openapi.yaml}) in step with the contract
 * ({@code docs/api/API.md}, the part of the merchant contract this build implements): every endpoint and every error code of
 * API.md must be in the document, and every code of API.md's error table must have that status in
 * {@link ErrorCode}.
 */
class OpenApiDocumentTest {

    static final Path DOCS = Path.of("..", "docs", "api");

    @Test
    void everyEndpointOfTheContractIsInTheDocument() throws Exception {
        String contract = Files.readString(DOCS.resolve("API.md"));
        String document = Files.readString(DOCS.resolve("openapi.yaml"));
        Set<String> endpoints = new LinkedHashSet<>();
        Matcher m = Pattern.compile("`(GET|POST|DELETE|PUT) /api/v1(/[^`?…\\s]*)").matcher(contract);
        while (m.find()) {
            endpoints.add(m.group(2).replaceAll("\\{yyyy-MM-dd}", "{date}"));
        }
        Matcher relative = Pattern.compile("`(GET|POST) …(/[a-z]+)`").matcher(contract);
        while (relative.find()) {
            endpoints.add("/trades/{trade_no}" + relative.group(2));
        }
        assertThat(endpoints).contains("/trades", "/trades/{trade_no}", "/refunds", "/platform-certificates");
        for (String endpoint : endpoints) {
            assertThat(document).as("openapi.yaml documents %s", endpoint).contains("  " + endpoint + ":");
        }
    }

    @Test
    void everyErrorCodeOfTheContractIsDocumentedWithItsStatus() throws Exception {
        String contract = Files.readString(DOCS.resolve("API.md"));
        String document = Files.readString(DOCS.resolve("openapi.yaml"));
        Matcher row = Pattern.compile("(?m)^\\| (\\d{3})(?:/(\\d{3}))? \\| (.+) \\|$").matcher(contract);
        int codes = 0;
        while (row.find()) {
            Matcher code = Pattern.compile("`([A-Z_]+)`").matcher(row.group(3));
            while (code.find()) {
                ErrorCode errorCode = ErrorCode.valueOf(code.group(1));
                assertThat(document).as("openapi.yaml names %s", errorCode).contains(errorCode.code());
                int status = errorCode.httpStatus();
                assertThat(status == Integer.parseInt(row.group(1)) || (row.group(2) != null && status == Integer.parseInt(row.group(2))))
                        .as("%s answers the status of API.md's table", errorCode).isTrue();
                codes++;
            }
        }
        assertThat(codes).isGreaterThanOrEqualTo(16);
    }
}
