package dev.wafer.benchmarks;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.crypto.Cipher;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The floor: the least a sealed cookie can cost on the bare JDK, and what every sealing result is
 * divided by.
 *
 * <p>AES-256-GCM with one {@link Cipher} per thread, reused (init per message); a fresh random 12-byte
 * nonce from {@link SecureRandom} per seal; the value is base64url without padding of
 * nonce‖ciphertext‖tag. No header, no AAD, no expiry, no key id: Wafer adds all four, and aims to pay
 * nothing for them. Open decodes, decrypts and returns the plaintext, cycling through
 * {@link Fixtures#RING} values sealed in setup, as the other open benchmarks do.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class FloorBenchmark {
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    /** As long as Wafer's AAD for the cookie "session": header (13) and encoded context (4 + 7 + 4). */
    private static final byte[] AAD = Fixtures.payload(13 + 4 + "session".length() + 4);

    @Param({"64", "256", "1024", "3000"})
    public int payload;

    private SecretKey key;
    private Cipher cipher;
    private SecureRandom random;
    private byte[] value;
    private String[] sealed;
    private String[] sealedWithAad;
    private int next;

    @Setup
    public void setup() throws GeneralSecurityException {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        key = g.generateKey();
        cipher = Cipher.getInstance("AES/GCM/NoPadding");
        random = new SecureRandom();
        value = Fixtures.payload(payload);
        sealed = new String[Fixtures.RING];
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = seal();
        }
        for (int i = 0; i < sealed.length; i++) {
            if (!Arrays.equals(open(), value)) {
                throw new IllegalStateException("the floor does not open what it sealed");
            }
        }
        sealedWithAad = new String[Fixtures.RING];
        for (int i = 0; i < sealedWithAad.length; i++) {
            sealedWithAad[i] = sealWithAad();
        }
        for (int i = 0; i < sealedWithAad.length; i++) {
            if (!Arrays.equals(openWithAad(), value)) {
                throw new IllegalStateException("the floor does not open what it sealed with AAD");
            }
        }
    }

    @Benchmark
    public String seal() throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] out = new byte[NONCE_BYTES + value.length + TAG_BITS / 8];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.doFinal(value, 0, value.length, out, NONCE_BYTES);
        return ENCODER.encodeToString(out);
    }

    /**
     * The floor with associated data of the length Wafer authenticates for the cookie "session"
     * (13-byte header, 15-byte encoded context): what binding a value to its context costs the bare
     * JDK, whose GCM buffers the AAD and hashes its last partial block apart. A diagnostic for the
     * report, run at 256 B only; the targets divide by the plain floor.
     */
    @Benchmark
    public String sealWithAad() throws GeneralSecurityException {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        byte[] out = new byte[NONCE_BYTES + value.length + TAG_BITS / 8];
        System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
        cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
        cipher.updateAAD(AAD);
        cipher.doFinal(value, 0, value.length, out, NONCE_BYTES);
        return ENCODER.encodeToString(out);
    }

    /** Opens what {@link #sealWithAad()} seals. */
    @Benchmark
    public byte[] openWithAad() throws GeneralSecurityException {
        next = (next + 1) & (Fixtures.RING - 1);
        byte[] in = DECODER.decode(sealedWithAad[next]);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
        cipher.updateAAD(AAD);
        return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
    }

    @Benchmark
    public byte[] open() throws GeneralSecurityException {
        next = (next + 1) & (Fixtures.RING - 1);
        byte[] in = DECODER.decode(sealed[next]);
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
        return cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES);
    }
}
