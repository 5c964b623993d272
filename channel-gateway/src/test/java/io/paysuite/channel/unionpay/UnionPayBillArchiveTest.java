package io.paysuite.channel.unionpay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.paysuite.channel.reconcile.BillFormatException;
import io.paysuite.channel.reconcile.BillRow;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** {@code fileContent} → zlib → ZIP → the detail file, and the limits that keep a small answer from inflating without end. */
class UnionPayBillArchiveTest {

    static final String MER_ID = "777290058110048";
    static final String DETAIL = "INN26112900ZM_" + MER_ID + ".txt";

    /**
     * Made outside Java, by CPython's zipfile and zlib ({@code base64.b64encode(zlib.compress(zip))}), its ZM records built
     * from the SDK's length array in Python, GBK: an empty {@code INN26112900ZME_777290058110048.txt} then
     * {@code INN26112900ZM_777290058110048.txt} with two 607-byte records, CRLF (a payment of 12.34 whose 商户自定义域 is
     * GBK text, a refund of 2.34 naming its consume in 原交易查询流水号 and 原始交易订单号).
     */
    static final String KNOWN = "eJwL8GZmEWFgYOBgYJ5SGwtkMDAxQIASEHv6+RmZGRoaWRoYRPm6xpubm4OYphaGhgYGJhZ6JRUlzAwBKCZ83ZButhHIO8TCwKCIbgI2A/ZO9uVrMhBo"
            + "/a5yZ2F2+OdgjXU7G2Uu7Y32X1D4ktOm0yfaqzm3yfQbN7da/rNUrvXCE085nlmz1WmJ8sTat5wPHjRKvmTiF3pdKrKCv3huvkBijMiNpsQbV7OmXpEw"
            + "z1ulsnm2DYPIT7HknomtuxkFHfhVxXb7FVTenb/9+NeYJ0LhWt9jsy6bCT8PV9x2+taCgm/pbcGqzGrFL0rEHoZoJkRZtuszT9snsZXp2+TT6Qe+xTyz"
            + "v2yWH+DNyCTCjDvMYKCBkYGoEEQ3Dz0EEeY5EROeAd6sbBAnMTHMB9JGYGcAAI+fhY0=";

    /** What the ACP SDK's {@code enCodeFileContent} does: {@code new Deflater()} (zlib), then Base64. */
    static String encode(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(out, new Deflater())) {
            zlib.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }

    static byte[] zip(Map<String, byte[]> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static Map<String, byte[]> entries(Object... nameThenContent) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenContent.length; i += 2) {
            Object content = nameThenContent[i + 1];
            entries.put((String) nameThenContent[i], content instanceof byte[] b ? b : ((String) content).getBytes(StandardCharsets.US_ASCII));
        }
        return entries;
    }

    static String line(String orderId, String txnType, long fen, String respCode) {
        if (!"00".equals(respCode)) {
            throw new IllegalArgumentException("the ZM file lists only successful transactions");
        }
        return ZmTestLines.line(txnType, orderId, "202611292233450000001", fen, "1129223344");
    }

    @Test
    void aKnownArchiveFromAnotherImplementationGivesItsDetailFileNotTheErrorFile() {
        byte[] detail = UnionPayBillArchive.detailFile(KNOWN, MER_ID);
        assertThat(new String(detail, StandardCharsets.ISO_8859_1).split("\r\n")).hasSize(2)
                .allSatisfy(line -> assertThat(line).hasSize(UnionPayBillParser.LINE_LENGTH));
        assertThat(new String(detail, ZmTestLines.GBK)).contains("测试商户");
        List<BillRow> rows = new UnionPayBillParser(UnionPayBillParserTest.NEXT_MORNING).parse(detail);
        assertThat(rows).containsExactly(
                new BillRow("C20261129000000000000000001", "202611292233450000001", BillRow.Kind.PAYMENT, 1234,
                        Instant.parse("2026-11-29T14:33:44Z")),
                new BillRow("R20261129000000000000000001", "202611292300010000003", BillRow.Kind.REFUND, -234,
                        Instant.parse("2026-11-29T15:00:00Z"), "R20261129000000000000000001", 0));
    }

    @Test
    void ourEncodingRoundTripsAndDirectoriesInEntryNamesDoNotMatter() {
        String file = line("C1234567890", "01", 500, "00") + "\r\n";
        String content = encode(zip(entries("readme.txt", "not this", "bills/" + DETAIL, file)));
        assertThat(new String(UnionPayBillArchive.detailFile(content, MER_ID), StandardCharsets.US_ASCII)).isEqualTo(file);
        // Base64 with line breaks, as some encoders write it, is read as the SDK's decoder reads it
        String wrapped = Base64.getMimeEncoder().encodeToString(Base64.getDecoder().decode(content));
        assertThat(new String(UnionPayBillArchive.detailFile(wrapped, MER_ID), StandardCharsets.US_ASCII)).isEqualTo(file);
    }

    @Test
    void severalDetailFilesAreNarrowedToOurMerchantOtherwiseTheArchiveIsRefused() {
        String ours = line("C1111111111", "01", 100, "00");
        String content = encode(zip(entries("INN26112900ZM_777290058110049.txt", line("C2222222222", "01", 200, "00"), DETAIL, ours)));
        assertThat(new String(UnionPayBillArchive.detailFile(content, MER_ID), StandardCharsets.US_ASCII)).isEqualTo(ours);

        String twoOfOurs = encode(zip(entries(DETAIL, ours, "INN26112901ZM_" + MER_ID + ".txt", ours)));
        assertThatThrownBy(() -> UnionPayBillArchive.detailFile(twoOfOurs, MER_ID)).isInstanceOf(BillFormatException.class)
                .hasMessageContaining("more than one");
        String none = encode(zip(entries("INN26112900ZME_" + MER_ID + ".txt", "", "RNM2000261129_" + MER_ID + ".txt", "")));
        assertThatThrownBy(() -> UnionPayBillArchive.detailFile(none, MER_ID)).isInstanceOf(BillFormatException.class)
                .hasMessageContaining("no transaction detail file").hasMessageContaining("RNM2000261129_" + MER_ID + ".txt");
    }

    @Test
    void whatIsNotBase64ZlibOrAZipIsAFormatErrorNeverAnEmptyBill() {
        assertThatThrownBy(() -> UnionPayBillArchive.detailFile("@@@=", MER_ID)).isInstanceOf(BillFormatException.class);
        byte[] zip = zip(entries(DETAIL, line("C1234567890", "01", 500, "00")));
        // raw DEFLATE (no zlib header) is not what the SDK inflates
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflate = new DeflaterOutputStream(raw, new Deflater(Deflater.DEFAULT_COMPRESSION, true))) {
            deflate.write(zip);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThatThrownBy(() -> UnionPayBillArchive.detailFile(Base64.getEncoder().encodeToString(raw.toByteArray()), MER_ID))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("zlib");
        // a truncated stream: the SDK would keep what it has, we refuse
        byte[] whole = Base64.getDecoder().decode(encode(zip));
        String truncated = Base64.getEncoder().encodeToString(Arrays.copyOf(whole, whole.length - 10));
        assertThatThrownBy(() -> UnionPayBillArchive.detailFile(truncated, MER_ID)).isInstanceOf(BillFormatException.class);
        assertThatThrownBy(() -> UnionPayBillArchive.detailFile(encode("plain text, not a zip".getBytes(StandardCharsets.US_ASCII)), MER_ID))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("not a zip");
    }

    @Test
    void aZipBombIsRefusedWhetherTheFilesOrTheArchiveInflateTooFar() throws IOException {
        // one entry of MAX_INFLATED + 1 zero bytes: the zip is ~64 KB, its answer smaller still
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry(DETAIL));
            writeZeros(zip, UnionPayBillArchive.MAX_INFLATED + 1L);
            zip.closeEntry();
        }
        String content = encode(bomb.toByteArray());
        assertThat(content.length()).isLessThan(1024 * 1024);
        assertThatThrownBy(() -> UnionPayBillArchive.detailFile(content, MER_ID)).isInstanceOf(BillFormatException.class)
                .hasMessageContaining("more than " + UnionPayBillArchive.MAX_INFLATED + " bytes");

        // the entries count together: two halves of the limit and a little more
        String halves = encode(zip(entries("a.txt", new byte[600], DETAIL, new byte[600])));
        assertThatThrownBy(() -> UnionPayBillArchive.detailFile(UnionPayBillArchive.inflate(halves, 1 << 20), MER_ID, 1000, 10))
                .isInstanceOf(BillFormatException.class).hasMessageContaining("inflate to more than 1000");

        // the zlib layer itself inflating past the limit
        ByteArrayOutputStream zeros = new ByteArrayOutputStream();
        try (DeflaterOutputStream zlib = new DeflaterOutputStream(zeros, new Deflater(Deflater.BEST_COMPRESSION))) {
            writeZeros(zlib, 10_001);
        }
        String layer = Base64.getEncoder().encodeToString(zeros.toByteArray());
        assertThatThrownBy(() -> UnionPayBillArchive.inflate(layer, 10_000)).isInstanceOf(BillFormatException.class)
                .hasMessageContaining("inflates to more than 10000");

        // and an archive of too many entries
        Map<String, byte[]> many = new LinkedHashMap<>();
        for (int i = 0; i <= UnionPayBillArchive.MAX_ENTRIES; i++) {
            many.put("f" + i, new byte[0]);
        }
        many.put(DETAIL, line("C1234567890", "01", 500, "00").getBytes(StandardCharsets.US_ASCII));
        String crowded = encode(zip(many));
        assertThatThrownBy(() -> UnionPayBillArchive.detailFile(crowded, MER_ID)).isInstanceOf(BillFormatException.class)
                .hasMessageContaining("more than " + UnionPayBillArchive.MAX_ENTRIES + " entries");
    }

    private static void writeZeros(OutputStream out, long count) throws IOException {
        byte[] chunk = new byte[1 << 20];
        for (long left = count; left > 0; left -= chunk.length) {
            out.write(chunk, 0, (int) Math.min(chunk.length, left));
        }
    }
}
