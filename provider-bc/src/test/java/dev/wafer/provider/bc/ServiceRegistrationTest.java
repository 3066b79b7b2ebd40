package dev.wafer.provider.bc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wafer.spi.WaferProvider;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The provider is registered twice, in module-info and in META-INF/services, and both agree. */
class ServiceRegistrationTest {

    private static final String SERVICE = WaferProvider.class.getName();

    @Test
    void moduleInfoAndServiceFileNameTheSameProvider() throws IOException, URISyntaxException {
        try (Classes classes = Classes.of(BcProvider.class)) {
            ModuleDescriptor module = classes.moduleDescriptor();
            Set<String> fromModule = module.provides().stream()
                    .filter(p -> p.service().equals(SERVICE))
                    .flatMap(p -> p.providers().stream())
                    .collect(Collectors.toCollection(TreeSet::new));

            assertEquals(Set.of(BcProvider.class.getName()), fromModule);
            assertEquals(fromModule, classes.serviceFile());
        }
    }

    @Test
    void moduleRequiresTheApiAndBouncyCastleAndExportsNothing() throws IOException, URISyntaxException {
        try (Classes classes = Classes.of(BcProvider.class)) {
            ModuleDescriptor module = classes.moduleDescriptor();

            assertEquals("dev.wafer.provider.bc", module.name());
            assertTrue(module.requires().stream().anyMatch(r -> r.name().equals("dev.wafer")));
            // bcprov-jdk18on's explicit module name (META-INF/versions/9/module-info.class)
            assertTrue(module.requires().stream().anyMatch(r -> r.name().equals("org.bouncycastle.provider")));
            assertTrue(module.exports().isEmpty() && module.opens().isEmpty());
        }
    }

    @Test
    void serviceLoaderFindsTheBcProvider() {
        List<WaferProvider> found = ServiceLoader.load(WaferProvider.class).stream()
                .filter(p -> p.type() == BcProvider.class)
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());

        assertEquals(1, found.size());
        assertEquals("bc", found.get(0).name());
    }

    /** The compiled classes of this module: target/classes, or the jar when tests run on it. */
    private static final class Classes implements AutoCloseable {
        private final Path root;
        private final FileSystem jar;

        private Classes(Path root, FileSystem jar) {
            this.root = root;
            this.jar = jar;
        }

        static Classes of(Class<?> type) throws IOException, URISyntaxException {
            Path location = Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(location)) {
                return new Classes(location, null);
            }
            FileSystem jar = FileSystems.newFileSystem(location);
            return new Classes(jar.getPath("/"), jar);
        }

        ModuleDescriptor moduleDescriptor() throws IOException {
            try (InputStream in = Files.newInputStream(root.resolve("module-info.class"))) {
                return ModuleDescriptor.read(in);
            }
        }

        /** The class names in META-INF/services (ServiceLoader's syntax: '#' starts a comment). */
        Set<String> serviceFile() throws IOException {
            return Files.readAllLines(root.resolve("META-INF/services/" + SERVICE)).stream()
                    .map(line -> line.replaceFirst("#.*", "").strip())
                    .filter(line -> !line.isEmpty())
                    .collect(Collectors.toCollection(TreeSet::new));
        }

        @Override
        public void close() throws IOException {
            if (jar != null) {
                jar.close();
            }
        }
    }
}
