package dev.wafer.conformance;

/**
 * A long text that counts how many of its characters a reader looks at, so that a test can show
 * that an oversized input is rejected from its length alone. Every character is {@code fill}.
 */
public final class CountingCharSequence implements CharSequence {
    private final int length;
    private final char fill;
    private long reads;

    /**
     * @param length the length it reports
     * @param fill the character at every index
     */
    public CountingCharSequence(int length, char fill) {
        this.length = length;
        this.fill = fill;
    }

    /** @return how many times {@link #charAt(int)} was called, {@link #subSequence} and {@link #toString} included */
    public long reads() {
        return reads;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException(index);
        }
        reads++;
        return fill;
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        reads += end - start;
        return String.valueOf(fill).repeat(end - start);
    }

    @Override
    public String toString() {
        reads += length;
        return String.valueOf(fill).repeat(length);
    }
}
