package dev.wafer.internal;

import dev.wafer.KeyException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * PEM armour (RFC 7468): blocks of base64 between BEGIN and END lines, read strictly and written
 * as OpenSSL writes them. Only the {@code PRIVATE KEY} (PKCS#8) and {@code PUBLIC KEY}
 * (SubjectPublicKeyInfo) labels are read.
 */
public final class PemArmour {
    /** The label of a PKCS#8 private key (RFC 7468 §10). */
    public static final String PRIVATE_KEY = "PRIVATE KEY";
    /** The label of a SubjectPublicKeyInfo public key (RFC 7468 §13). */
    public static final String PUBLIC_KEY = "PUBLIC KEY";
    private static final int MAX_LABEL_CHARS = 64;

    private PemArmour() {
    }

    /** One block: its label and the DER bytes of its body. */
    public static final class Block {
        /** The label, for example {@code PRIVATE KEY}. */
        public final String label;
        /** The decoded body; the caller wipes it when it holds a private key. */
        public final byte[] der;

        Block(String label, byte[] der) {
            this.label = label;
            this.der = der;
        }
    }

    /**
     * One block as OpenSSL writes it.
     *
     * @param label the label
     * @param der the body
     * @return the armoured text, ending with a newline
     */
    public static String armor(String label, byte[] der) {
        // RFC 7468 §2: base64 in lines of exactly 64 characters but the last, as OpenSSL writes.
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }

    /**
     * The one block of a label.
     *
     * @param blocks the blocks
     * @param label the label
     * @param required whether its absence is an error
     * @return the block, or {@code null} if absent and not required
     * @throws KeyException if there are several, or none and one is required
     */
    public static Block single(List<Block> blocks, String label, boolean required) {
        Block found = null;
        for (Block b : blocks) {
            if (b.label.equals(label)) {
                if (found != null) {
                    throw new KeyException("the PEM text holds several " + label + " blocks; give one key");
                }
                found = b;
            }
        }
        if (found == null && required) {
            throw new KeyException("the PEM text holds no " + label + " block");
        }
        return found;
    }

    /**
     * Every PEM block of the text; refuses labels other than PRIVATE KEY and PUBLIC KEY, saying why.
     *
     * @param pem the text
     * @param maxChars the longest text read
     * @param hints what to say of a label Wafer does not read
     * @return the blocks, at least one
     * @throws KeyException if the text is too long, malformed, or holds another label
     */
    public static List<Block> blocks(String pem, int maxChars, Map<String, String> hints) {
        Objects.requireNonNull(pem, "pem");
        if (pem.length() > maxChars) {
            throw new KeyException("the PEM text is longer than " + maxChars + " characters");
        }
        List<Block> blocks = new ArrayList<>();
        String label = null;
        StringBuilder body = null;
        for (String raw : pem.split("\r\n|\n|\r", -1)) {
            String line = raw.strip();
            if (label == null) {
                if (line.startsWith("-----BEGIN ")) {
                    label = label(line, "-----BEGIN ", hints);
                    body = new StringBuilder();
                } else if (line.startsWith("-----END ")) {
                    throw new KeyException("the PEM text has an END line without its BEGIN line");
                }
                continue;
            }
            if (line.startsWith("-----END ")) {
                if (!label.equals(label(line, "-----END ", hints))) {
                    throw new KeyException("the PEM block " + label + " ends with another label");
                }
                blocks.add(new Block(label, decode(label, body)));
                label = null;
                body = null;
            } else if (line.startsWith("-----")) {
                throw new KeyException("the PEM block " + label + " has no END line");
            } else if (line.indexOf(':') >= 0) {
                throw new KeyException("the PEM block " + label + " has headers (such as Proc-Type, an OpenSSL-encrypted "
                        + "key); Wafer reads unencrypted PKCS#8 and SubjectPublicKeyInfo only");
            } else {
                body.append(line);
            }
        }
        if (label != null) {
            throw new KeyException("the PEM block " + label + " has no END line");
        }
        if (blocks.isEmpty()) {
            throw new KeyException("the text holds no PEM block (a PKCS#8 PRIVATE KEY or an SPKI PUBLIC KEY block)");
        }
        return blocks;
    }

    private static String label(String line, String prefix, Map<String, String> hints) {
        if (!line.endsWith("-----") || line.length() < prefix.length() + 5) {
            throw new KeyException("the PEM text has a malformed BEGIN or END line");
        }
        String label = line.substring(prefix.length(), line.length() - 5);
        if (label.equals(PRIVATE_KEY) || label.equals(PUBLIC_KEY)) {
            return label;
        }
        String hint = hints.get(label);
        if (hint != null) {
            throw new KeyException("the PEM block " + label + " " + hint);
        }
        boolean printable = label.length() <= MAX_LABEL_CHARS && label.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
        throw new KeyException("unknown PEM label " + (printable ? "\"" + label + "\"" : "")
                + "; Wafer reads PRIVATE KEY (PKCS#8) and PUBLIC KEY (SubjectPublicKeyInfo)");
    }

    private static byte[] decode(String label, StringBuilder body) {
        // Strict base64 (RFC 7468 §3 "strict" parser), not the MIME decoder, which skips any
        // character outside the alphabet and so would accept a damaged file.
        byte[] ascii = body.toString().replaceAll("[ \t]", "").getBytes(StandardCharsets.US_ASCII);
        try {
            byte[] der = Base64.getDecoder().decode(ascii);
            if (der.length == 0) {
                throw new KeyException("the PEM block " + label + " is empty");
            }
            return der;
        } catch (IllegalArgumentException e) {
            throw new KeyException("the PEM block " + label + " is not valid base64");
        }
    }
}
