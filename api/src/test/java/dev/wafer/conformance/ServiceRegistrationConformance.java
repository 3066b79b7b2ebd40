package dev.wafer.conformance;

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

/**
 * A provider is registered twice, in its {@code module-info} and in
 * {@code META-INF/services/dev.wafer.spi.WaferProvider}, and both agree (STYLE.md, as
 * BouncyCastle's {@code prov} and {@code slf4j-simple} do); its module requires the api and its
 * engine and exports nothing; {@link ServiceLoader} finds it.
 */
public abstract class ServiceRegistrationConformance extends ProviderUnderTest {
    private static final String SERVICE = WaferProvider.class.getName();

    /**
     * The module name, for example {@code dev.wafer.provider.jca}.
     *
     * @return the name the provider's module-info declares
     */
    protected abstract String moduleName();

    /**
     * The modules the provider requires besides the api (its engine's).
     *
     * @return module names, possibly empty
     */
    protected abstract List<String> engineModules();

    @Test
    void moduleInfoAndServiceFileNameTheSameProvider() throws IOException, URISyntaxException {
        Class<?> type = spi().getClass();
        try (Classes classes = Classes.of(type)) {
            Set<String> fromModule = classes.moduleDescriptor().provides().stream()
                    .filter(p -> p.service().equals(SERVICE))
                    .flatMap(p -> p.providers().stream())
                    .collect(Collectors.toCollection(TreeSet::new));

            assertEquals(Set.of(type.getName()), fromModule);
            assertEquals(fromModule, classes.serviceFile());
        }
    }

    @Test
    void moduleRequiresTheApiAndItsEngineAndExportsNothing() throws IOException, URISyntaxException {
        try (Classes classes = Classes.of(spi().getClass())) {
            ModuleDescriptor module = classes.moduleDescriptor();

            assertEquals(moduleName(), module.name());
            assertTrue(module.requires().stream().anyMatch(r -> r.name().equals("dev.wafer")));
            for (String engine : engineModules()) {
                assertTrue(module.requires().stream().anyMatch(r -> r.name().equals(engine)), engine);
            }
            assertTrue(module.exports().isEmpty() && module.opens().isEmpty());
        }
    }

    @Test
    void serviceLoaderFindsTheProvider() {
        List<WaferProvider> found = ServiceLoader.load(WaferProvider.class).stream()
                .filter(p -> p.type() == spi().getClass())
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());

        assertEquals(1, found.size());
        assertEquals(spi().name(), found.get(0).name());
        assertEquals(WaferProvider.SPI_VERSION, found.get(0).spiVersion(), "built for this api's SPI");
    }

    /** The compiled classes of a module: target/classes, or the jar when tests run on it. */
    static final class Classes implements AutoCloseable {
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

        /**
         * The jar's manifest.
         *
         * @return the manifest
         * @throws IOException if it cannot be read
         */
        java.util.jar.Manifest manifest() throws IOException {
            try (InputStream in = Files.newInputStream(root.resolve("META-INF/MANIFEST.MF"))) {
                return new java.util.jar.Manifest(in);
            }
        }

        @Override
        public void close() throws IOException {
            if (jar != null) {
                jar.close();
            }
        }
    }
}
