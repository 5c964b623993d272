package io.paysuite.sandbox.unionpay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * The merchant's side as channel-gateway's AcpSigner/AcpClient do it, written again here (the sandbox must not depend
 * on the gateway): sign sorted {@code k=v&…} minus signature → lowercase hex SHA-256 → SHA256withRSA → Base64; post
 * URL-encoded forms; read the raw ACP answer form (brace-aware, not URL-decoded).
 */
final class AcpTestClient {

    static final KeyPair MERCHANT = generate();
    static final KeyPair PLATFORM = generate();
    static final KeyPair STRANGER = generate();
    static final String MER_ID = "777290058110048";
    static final String MERCHANT_CERT_ID = "68759529225";
    static final String PLATFORM_CERT_ID = "69629715588";

    private final String base;
    private final PrivateKey merchantKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** The first acquirer's merchant: {@link #MERCHANT}'s key, paths from the root. */
    AcpTestClient(int port) {
        this(port, "", MERCHANT.getPrivate());
    }

    /** A merchant whose acquirer is served under {@code basePath} (its client's base URL ends there) and who signs with {@code merchantKey}. */
    AcpTestClient(int port, String basePath, PrivateKey merchantKey) {
        this.base = "http://127.0.0.1:" + port + basePath;
        this.merchantKey = merchantKey;
    }

    static String signingText(Map<String, String> fields) {
        return new TreeMap<>(fields).entrySet().stream().filter(e -> !e.getKey().equals("signature"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining("&"));
    }

    static String sign(Map<String, String> fields, PrivateKey key) throws GeneralSecurityException {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(signingText(fields).getBytes(StandardCharsets.UTF_8)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(key);
        rsa.update(hex.getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(rsa.sign());
    }

    static boolean verify(Map<String, String> fields, PublicKey key) throws GeneralSecurityException {
        String hex = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(signingText(fields).getBytes(StandardCharsets.UTF_8)));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initVerify(key);
        rsa.update(hex.getBytes(StandardCharsets.UTF_8));
        return rsa.verify(Base64.getDecoder().decode(fields.get("signature")));
    }

    static Map<String, String> consume(String orderId, String txnTime, long fen, String token, String backUrl) {
        Map<String, String> f = base("01", orderId, txnTime);
        f.put("txnSubType", "01");
        f.put("bizType", "000902");
        f.put("channelType", "07");
        f.put("txnAmt", Long.toString(fen));
        f.put("currencyCode", "156");
        f.put("backUrl", backUrl);
        f.put("tokenPayData", "{token=" + token + "&trId=62000000001}");
        return f;
    }

    static Map<String, String> refund(String orderId, String txnTime, long fen, String origQryId, String backUrl) {
        Map<String, String> f = base("04", orderId, txnTime);
        f.put("txnSubType", "00");
        f.put("bizType", "000902");
        f.put("channelType", "07");
        f.put("txnAmt", Long.toString(fen));
        f.put("currencyCode", "156");
        f.put("backUrl", backUrl);
        f.put("origQryId", origQryId);
        return f;
    }

    /** 预授权 (txnType 02, txnSubType 01): a consume's fields, the card amount only frozen. */
    static Map<String, String> preAuth(String orderId, String txnTime, long fen, String token, String backUrl) {
        Map<String, String> f = consume(orderId, txnTime, fen, token, backUrl);
        f.put("txnType", "02");
        return f;
    }

    /** 预授权完成 (03) or 预授权撤销 (32) of the pre-auth {@code origQryId}: a refund's fields. */
    static Map<String, String> preAuthEnd(String txnType, String orderId, String txnTime, long fen, String origQryId, String backUrl) {
        Map<String, String> f = refund(orderId, txnTime, fen, origQryId, backUrl);
        f.put("txnType", txnType);
        return f;
    }

    static Map<String, String> query(String orderId, String txnTime) {
        Map<String, String> f = base("00", orderId, txnTime);
        f.put("txnSubType", "00");
        f.put("bizType", "000000");
        return f;
    }

    /** {@code fileTransReq.do}: the merchant's reconciliation file ({@code fileType=00}) of {@code settleDate} (MMDD). */
    static Map<String, String> fileTransfer(String settleDate, String txnTime) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", "5.1.0");
        f.put("encoding", "UTF-8");
        f.put("signMethod", "01");
        f.put("certId", MERCHANT_CERT_ID);
        f.put("txnType", "76");
        f.put("txnSubType", "01");
        f.put("bizType", "000000");
        f.put("accessType", "0");
        f.put("merId", MER_ID);
        f.put("settleDate", settleDate);
        f.put("txnTime", txnTime);
        f.put("fileType", "00");
        return f;
    }

    /** What the ACP SDK's {@code AcpService.deCodeFileContent} does before writing the file: Base64, then zlib inflate. */
    static byte[] deCodeFileContent(String fileContent) throws DataFormatException {
        byte[] compressed = Base64.getDecoder().decode(fileContent);
        Inflater inflater = new Inflater(false);
        try {
            inflater.setInput(compressed);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new DataFormatException("truncated zlib stream");
                }
                out.write(buffer, 0, n);
            }
            return out.toByteArray();
        } finally {
            inflater.end();
        }
    }

    /** The entries of a ZIP, by name, in order. */
    static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new java.io.ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The fields as another merchant sends them: the builders above fill in the first acquirer's merchant. */
    static Map<String, String> asMerchant(String merId, String merchantCertId, Map<String, String> fields) {
        Map<String, String> f = new LinkedHashMap<>(fields);
        f.put("merId", merId);
        f.put("certId", merchantCertId);
        return f;
    }

    private static Map<String, String> base(String txnType, String orderId, String txnTime) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("version", "5.1.0");
        f.put("encoding", "UTF-8");
        f.put("signMethod", "01");
        f.put("certId", MERCHANT_CERT_ID);
        f.put("txnType", txnType);
        f.put("accessType", "0");
        f.put("merId", MER_ID);
        f.put("orderId", orderId);
        f.put("txnTime", txnTime);
        return f;
    }

    /** Signs with this client's merchant key and posts; the answer's signature is checked by the caller. */
    Map<String, String> post(String path, Map<String, String> fields) throws Exception {
        return post(path, fields, merchantKey, Duration.ofSeconds(10));
    }

    Map<String, String> post(String path, Map<String, String> fields, PrivateKey key, Duration timeout) throws Exception {
        Map<String, String> signed = new LinkedHashMap<>(fields);
        signed.put("signature", sign(signed, key));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(formEncode(signed))).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("HTTP " + response.statusCode() + ": " + response.body());
        }
        return parseAnswer(response.body());
    }

    static String formEncode(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    static Map<String, String> formDecode(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return fields;
    }

    /** {@code k=v&…} with values raw; {@code &} inside braces belongs to the value. */
    static Map<String, String> parseAnswer(String body) {
        Map<String, String> fields = new LinkedHashMap<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= body.length(); i++) {
            char c = i < body.length() ? body.charAt(i) : '&';
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            } else if (c == '&' && depth == 0) {
                String pair = body.substring(start, i);
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    fields.put(pair.substring(0, eq), pair.substring(eq + 1));
                }
                start = i + 1;
            }
        }
        return fields;
    }

    /** A temporary PEM file of the key, for the sandbox's key-path settings. */
    static Path pem(String type, Key key) {
        try {
            Path file = Files.createTempFile("sandbox-unionpay-", ".pem");
            file.toFile().deleteOnExit();
            Files.writeString(file, "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded())
                    + "\n-----END " + type + "-----\n");
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every answer must carry the platform's certId and verify against its key (both acquirers share it). */
    static Map<String, String> signedAnswer(Map<String, String> answer) throws Exception {
        org.assertj.core.api.Assertions.assertThat(answer.get("certId")).isEqualTo(PLATFORM_CERT_ID);
        org.assertj.core.api.Assertions.assertThat(verify(answer, PLATFORM.getPublic())).as("answer signature " + answer).isTrue();
        return answer;
    }

    /** A fresh ACP orderId (letters and digits, unique enough across a test run). */
    static String orderId() {
        return "C" + System.currentTimeMillis() + String.format("%08d", java.util.concurrent.ThreadLocalRandom.current().nextInt(100_000_000));
    }

    /** Now as an ACP txnTime (Beijing). */
    static String now() {
        return java.time.LocalDateTime.now(java.time.ZoneId.of("Asia/Shanghai"))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
