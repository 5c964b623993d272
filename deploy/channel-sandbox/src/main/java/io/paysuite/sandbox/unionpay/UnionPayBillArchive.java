package io.paysuite.sandbox.unionpay;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The ZIP archive {@code fileTransReq.do} hands out for a merchant's day: one entry, the transaction detail file, named
 * as UnionPay names the merchant's "一般交易明细" (ZM) file. Its content is the sandbox's own fixed-width layout
 * ({@link UnionPayBill}), not UnionPay's 42-field ZM layout.
 *
 * <p>Names. Confirmed: the detail file's name starts with {@code INN}, has 8 characters after it and then {@code ZM_}
 * (UnionPay's .NET demo {@code Form_7_2_FileTransfer.aspx.cs}: {@code fileName.Substring(0, 3) == "INN" &&
 * fileName.Substring(11, 3) == "ZM_"}, the error file {@code ZME_} likewise; the Java demo picks files containing
 * {@code ZM_}); merchants' code names files like {@code INN24031100ZM_777290058206553.txt} and
 * {@code INN17101888ZM_777290058138766.txt}: {@code yyMMdd}, two more characters, {@code ZM_}, the merId.
 * <b>[unconfirmed]</b>: what the two characters after the date mean (we write {@code 00}; {@code 01} and {@code 88}
 * also occur) and whether the {@code .txt} suffix is UnionPay's (every sample we found has it, so we write it); the
 * archive's own name {@code {merId}_{yyyyMMdd}.zip} follows the demo's sample archive {@code 802310048993424_20150905.zip}
 * and is unconfirmed as the answer's {@code fileName}.
 */
final class UnionPayBillArchive {

    /** [unconfirmed] the two characters between the date and {@code ZM_}. */
    static final String DETAIL_SEQUENCE = "00";
    /** {@code INN} + yyMMdd + {@value #DETAIL_SEQUENCE} + {@code ZM_} + merId + {@code .txt}; see the class comment. */
    static final String DETAIL_FILE = "INN%s" + DETAIL_SEQUENCE + "ZM_%s.txt";
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter YYYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    private UnionPayBillArchive() {
    }

    static String detailFileName(String merId, LocalDate day) {
        return String.format(DETAIL_FILE, YYMMDD.format(day), merId);
    }

    /** [unconfirmed] the answer's {@code fileName}: the name the SDK saves the archive under. */
    static String archiveName(String merId, LocalDate day) {
        return merId + "_" + YYYYMMDD.format(day) + ".zip";
    }

    /** A ZIP with the day's detail file as its only entry. */
    static byte[] zip(String merId, LocalDate day, byte[] detailFile) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(detailFileName(merId, day)));
            zip.write(detailFile);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: not expected
        }
        return bytes.toByteArray();
    }
}
