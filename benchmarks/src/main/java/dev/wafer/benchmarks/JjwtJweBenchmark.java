package dev.wafer.benchmarks;

import io.jsonwebtoken.JwtParser;
import io.jsonwebtoken.Jwts;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
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
 * Peer: JJWT sealing the same payload as a JWE ({@code dir} + {@code A256GCM}, chosen by JJWT for a
 * secret key); open with a parser built once, returning the payload's bytes, cycling through
 * {@link Fixtures#RING} values sealed in setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class JjwtJweBenchmark {

    @Param({"64", "256", "1024", "3000"})
    public int payload;

    private SecretKey key;
    private JwtParser parser;
    private byte[] value;
    private String[] sealed;

    @Setup
    public void setup() {
        key = Jwts.ENC.A256GCM.key().build();
        parser = Jwts.parser().decryptWith(key).build();
        value = Fixtures.payload(payload);
        sealed = new String[Fixtures.RING];
        Cursor cursor = new Cursor();
        for (int i = 0; i < sealed.length; i++) {
            sealed[i] = seal();
        }
        for (int i = 0; i < sealed.length; i++) {
            if (!Arrays.equals(open(cursor), value)) {
                throw new IllegalStateException("JJWT does not open what it sealed");
            }
        }
    }

    @Benchmark
    public String seal() {
        return Jwts.builder().content(value).encryptWith(key, Jwts.ENC.A256GCM).compact();
    }

    @Benchmark
    public byte[] open(Cursor cursor) {
        return parser.parseEncryptedContent(sealed[cursor.next()]).getPayload();
    }
}
