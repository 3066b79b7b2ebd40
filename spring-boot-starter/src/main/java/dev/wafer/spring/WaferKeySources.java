package dev.wafer.spring;

import dev.wafer.KeyException;
import dev.wafer.MasterKey;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** Reads what the {@code wafer.*} key properties name, with messages that name the property. */
final class WaferKeySources {
    private WaferKeySources() {
    }

    /** The master key the properties name, or {@code null} for plain key files. */
    static MasterKey masterKey(WaferProperties p) {
        if (p.getMasterKeyFile() != null && p.getMasterKeyEnv() != null) {
            throw new KeyException("wafer.master-key-file and wafer.master-key-env are both set: choose one");
        }
        if (p.getMasterKeyFile() != null) {
            try {
                return MasterKey.fromFile(p.getMasterKeyFile());
            } catch (IOException e) {
                throw new KeyException("wafer.master-key-file " + p.getMasterKeyFile() + " cannot be read ("
                        + e.getClass().getSimpleName() + ")", e);
            }
        }
        if (p.getMasterKeyEnv() != null) {
            return MasterKey.fromEnvironment(p.getMasterKeyEnv());
        }
        return null;
    }

    /** The poll interval, or {@code null} for none. */
    static Duration interval(WaferProperties p) {
        Duration d = p.getKeyReloadInterval();
        return d == null || d.isZero() ? null : d;
    }

    /** An I/O failure on a key file, as a misconfiguration that names the property. */
    static KeyException unreadable(String property, Path file, IOException e) {
        String what = e instanceof java.nio.file.NoSuchFileException ? "does not exist"
                : e instanceof java.nio.file.AccessDeniedException ? "cannot be read (permission denied)"
                : "cannot be read (" + e.getClass().getSimpleName() + ")";
        return new KeyException(property + " " + file + " " + what, e);
    }
}
