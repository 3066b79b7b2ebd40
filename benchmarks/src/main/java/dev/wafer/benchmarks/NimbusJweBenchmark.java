package dev.wafer.benchmarks;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.JWEObject;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import java.security.GeneralSecurityException;
import java.text.ParseException;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Peer: Nimbus JOSE+JWT sealing the same payload as a JWE, {@code dir} + {@code A256GCM}, compact
 * serialization; open parses, decrypts and returns the payload's bytes, cycling through
 * {@link Fixtures#RING} values sealed in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class NimbusJweBenchmark {

    @Param({"64", "256", "1024", "3000"})
    public int payload;

    private JWEHeader header;
    private DirectEncrypter encrypter;
    private DirectDecrypter decrypter;
    private byte[] value;
    private String[] sealed;

    @Setup
    public void setup() throws GeneralSecurityException, JOSEException, ParseException {
        KeyGenerator g = KeyGenerator.getInstance("AES");
        g.init(256);
        SecretKey key = g.generateKey();
        header = new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM);
        encrypter = new DirectEncrypter(key);
        decrypter = new DirectDecrypter(key);
        value = Fixtures.payload(payload);
        sealed = new String[Fixtures.RING];
        Cursor cursor = new Cursor();
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = seal();
        }
        for (int i = 0; i < sealed.length; i++) {
            if (!Arrays.equals(open(cursor), value)) {
                throw new IllegalStateException("Nimbus does not open what it sealed");
            }
        }
    }

    @Benchmark
    public String seal() throws JOSEException {
        JWEObject jwe = new JWEObject(header, new Payload(value));
        jwe.encrypt(encrypter);
        return jwe.serialize();
    }

    @Benchmark
    public byte[] open(Cursor cursor) throws JOSEException, ParseException {
        JWEObject jwe = JWEObject.parse(sealed[cursor.next()]);
        jwe.decrypt(decrypter);
        return jwe.getPayload().toBytes();
    }
}
