package io.paysuite.channel.unionpay;

import io.paysuite.channel.reconcile.BillFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * What UnionPay's file transfer answer ({@code fileTransReq}, txnType 76) carries in {@code fileContent}, undone: Base64,
 * then zlib-format DEFLATE, giving a ZIP archive; in it, the merchant's transaction detail ("ZM") file.
 *
 * <p>The first two steps are the ACP SDK's {@code AcpService.deCodeFileContent}:
 * {@code SDKUtil.inflater(SecureUtil.base64Decode(fileContent))} with {@code new Inflater(false)} — zlib with header
 * and Adler-32, not raw DEFLATE (the ACP Java SDK as redistributed in Javen205/IJPay
 * {@code IJPay-UnionPay/.../SDKUtil.java}; UnionPay's .NET demo {@code Form_7_2_FileTransfer.aspx.cs} the same). Two
 * deliberate differences: the SDK stops silently on a truncated stream and keeps what it has, we refuse it (a short
 * file must never look like a quieter day); and everything is inflated in memory under limits, because a few kilobytes
 * of answer can inflate to gigabytes ({@link #MAX_INFLATED} for the archive and again for the files in it together,
 * {@link #MAX_ENTRIES} entries).
 *
 * <p>The detail file: UnionPay's demo takes the entries named {@code INN} + 8 characters + {@code ZM_} (the .NET demo
 * checks {@code Substring(0, 3) == "INN"} and {@code Substring(11, 3) == "ZM_"}; {@code ZME_} is the error file, not
 * this one); merchants' code shows the 8 as {@code yyMMdd} and two more characters and the merId after {@code ZM_}
 * (e.g. {@code INN24031100ZM_777290058206553.txt}). Exactly one such entry must be there; if several, the one naming
 * our merId. Entry names are compared without any directory part.
 */
final class UnionPayBillArchive {

    /** Inflated bytes allowed, for the archive and for the entries read out of it. */
    static final int MAX_INFLATED = 64 * 1024 * 1024;
    static final int MAX_ENTRIES = 100;
    /** {@code INN} + yyMMdd + two characters ([unconfirmed] what they are) + {@code ZM_} + anything (merId, [unconfirmed] {@code .txt}). */
    static final Pattern DETAIL_FILE = Pattern.compile("INN\\d{6}[0-9A-Za-z]{2}ZM_.*");

    private static final String BILL = "unionpay file transfer";

    private UnionPayBillArchive() {
    }

    /** The detail file's bytes out of {@code fileContent}. */
    static byte[] detailFile(String fileContent, String merId) {
        return detailFile(inflate(fileContent, MAX_INFLATED), merId, MAX_INFLATED, MAX_ENTRIES);
    }

    /** Base64 (line breaks and other non-alphabet characters ignored, as the SDK's commons-codec does), then zlib inflate. */
    static byte[] inflate(String fileContent, int maxBytes) {
        byte[] compressed;
        try {
            compressed = Base64.getMimeDecoder().decode(fileContent);
        } catch (IllegalArgumentException e) {
            throw new BillFormatException(BILL + ": fileContent is not Base64: " + e.getMessage(), e);
        }
        Inflater zlib = new Inflater(false);
        try (InputStream in = new InflaterInputStream(new ByteArrayInputStream(compressed), zlib)) {
            byte[] archive = in.readNBytes(maxBytes + 1);
            if (archive.length > maxBytes) {
                throw new BillFormatException(BILL + ": fileContent inflates to more than " + maxBytes + " bytes: refused");
            }
            if (!zlib.finished()) {
                throw new BillFormatException(BILL + ": fileContent's zlib stream has no end (truncated?)");
            }
            return archive;
        } catch (IOException e) {
            throw new BillFormatException(BILL + ": fileContent is not zlib-deflated data: " + e.getMessage(), e);
        } finally {
            zlib.end();
        }
    }

    static byte[] detailFile(byte[] zip, String merId, int maxBytes, int maxEntries) {
        Map<String, byte[]> details = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        long inflated = 0;
        // ISO-8859-1 reads any name (the JDK still honours the UTF-8 flag): a GBK-named entry beside ours must not break the archive
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.ISO_8859_1)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (names.size() == maxEntries) {
                    throw new BillFormatException(BILL + ": the archive has more than " + maxEntries + " entries: refused");
                }
                String name = baseName(entry.getName());
                names.add(entry.getName());
                // every entry is read out (skipping one inflates it as well), and all of them count
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes - inflated + 1));
                inflated += bytes.length;
                if (inflated > maxBytes) {
                    throw new BillFormatException(BILL + ": the archive's files inflate to more than " + maxBytes + " bytes: refused");
                }
                if (!entry.isDirectory() && DETAIL_FILE.matcher(name).matches()) {
                    details.put(name, bytes);
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BillFormatException(BILL + ": fileContent is not a readable zip: " + e.getMessage(), e);
        }
        if (names.isEmpty()) {
            throw new BillFormatException(BILL + ": fileContent is not a zip (or an empty one)");
        }
        if (details.size() > 1) {
            details.keySet().removeIf(name -> !name.contains("ZM_" + merId));
        }
        if (details.size() != 1) {
            throw new BillFormatException(BILL + ": " + (details.isEmpty() ? "no" : "more than one") + " transaction detail file "
                    + "(INN{yyMMdd}nnZM_" + merId + ") in the archive; entries: " + names);
        }
        return details.values().iterator().next();
    }

    private static String baseName(String name) {
        return name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
    }
}
