package io.paysuite.channel.alipay;

import io.paysuite.channel.reconcile.BillRow;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

/**
 * How long parsing a day of 100 000 Alipay payments takes and how much it allocates (a plain {@code main}, not a test:
 * timing never fails a build; docs/benchmarks.md "Reconciliation"). The bill is rendered as the sandbox renders it
 * ({@link AlipayBillParserTest#sandboxZip}). Allocation is the parsing thread's, from the JDK's
 * {@code com.sun.management.ThreadMXBean}; "held as text" is what the parser held before it streamed: the unzipped
 * file, its decoded text and the array of its lines, all alive together with the rows.
 */
public final class AlipayBillParseBenchmark {

    private AlipayBillParseBenchmark() {
    }

    public static void main(String[] args) {
        int lines = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> rows = new ArrayList<>(lines);
        for (int n = 0; n < lines; n++) {
            rows.add(AlipayBillParserTest.payment(String.format("2021010122%018d", n), String.format("BK1234567%07d", n), "10.00",
                    "2021-01-01 12:00:00"));
        }
        String detail = AlipayBillParserTest.detail(rows, lines, 0);
        byte[] zip = AlipayBillParserTest.sandboxZip(rows, lines, 0);
        byte[] csv = detail.getBytes(AlipayBillParserTest.GBK);
        long heldAsText = csv.length + 2L * detail.length() + 2L * detail.length() + 16L * lines;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AlipayBillParser parser = new AlipayBillParser();
        for (int round = 0; round < 8; round++) {
            long allocated = threads.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            List<BillRow> parsed = parser.parse(zip);
            long millis = (System.nanoTime() - start) / 1_000_000;
            long bytes = threads.getCurrentThreadAllocatedBytes() - allocated;
            System.out.printf("round %d: %d rows from a %d-byte zip (%d bytes unzipped) in %d ms, %d MB allocated; "
                            + "the text the parser no longer holds: ~%d MB%n", round, parsed.size(), zip.length, csv.length, millis,
                    bytes >> 20, heldAsText >> 20);
        }
    }
}
