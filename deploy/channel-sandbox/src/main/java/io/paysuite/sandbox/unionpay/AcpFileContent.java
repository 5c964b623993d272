package io.paysuite.sandbox.unionpay;

import java.io.ByteArrayOutputStream;
import java.util.Base64;
import java.util.zip.Deflater;

/**
 * ACP's {@code fileContent} field: the file DEFLATE-compressed in zlib format ({@code new Deflater()}, default level,
 * zlib header and Adler-32 trailer) and then Base64 (standard alphabet, no line breaks). This is what UnionPay's ACP
 * SDK undoes in {@code AcpService.deCodeFileContent}: {@code SDKUtil.inflater(SecureUtil.base64Decode(fileContent))}
 * with {@code new Inflater(false)} (zlib, not raw DEFLATE), then writes the bytes to {@code fileName}; and what its
 * {@code enCodeFileContent} / {@code SDKUtil.deflater} produce (source: the ACP Java SDK as redistributed in
 * Javen205/IJPay {@code IJPay-UnionPay/src/main/java/com/ijpay/unionpay/SDKUtil.java} and {@code AcpService.java};
 * UnionPay's .NET demo {@code Form_7_2_FileTransfer.aspx.cs} does the same: {@code Convert.FromBase64String} then
 * {@code SecurityUtil.Inflater}).
 */
final class AcpFileContent {

    private AcpFileContent() {
    }

    static String encode(byte[] file) {
        Deflater deflater = new Deflater();
        try {
            deflater.setInput(file);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, file.length / 2));
            byte[] buffer = new byte[8192];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return Base64.getEncoder().encodeToString(out.toByteArray());
        } finally {
            deflater.end();
        }
    }
}
