package dev.wafer.provider.tink;

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
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The provider is registered twice, in module-info and in META-INF/services, and both agree. */
class ServiceRegistrationTest {

    private static final String SERVICE = WaferProvider.class.getName();
    private static final String TINK_MODULE = "com.google.crypto.tink";

    @Test
    void moduleInfoAndServiceFileNameTheSameProvider() throws IOException, URISyntaxException {
        try (Classes classes = Classes.of(TinkProvider.class)) {
            ModuleDescriptor module = classes.moduleDescriptor();
            Set<String> fromModule = module.provides().stream()
                    .filter(p -> p.service().equals(SERVICE))
                    .flatMap(p -> p.providers().stream())
                    .collect(Collectors.toCollection(TreeSet::new));

            assertEquals(Set.of(TinkProvider.class.getName()), fromModule);
            assertEquals(fromModule, classes.serviceFile());
        }
    }

    @Test
    void moduleRequiresTheApiAndTinkAndExportsNothing() throws IOException, URISyntaxException {
        try (Classes classes = Classes.of(TinkProvider.class)) {
            ModuleDescriptor module = classes.moduleDescriptor();

            assertEquals("dev.wafer.provider.tink", module.name());
            assertTrue(module.requires().stream().anyMatch(r -> r.name().equals("dev.wafer")));
            assertTrue(module.requires().stream().anyMatch(r -> r.name().equals(TINK_MODULE)));
            assertTrue(module.exports().isEmpty() && module.opens().isEmpty());
        }
    }

    @Test
    void tinkIsRequiredByTheAutomaticModuleNameItsJarDeclares() throws IOException, URISyntaxException {
        // Tink has no module-info: the name in its manifest is the one module-info must require.
        try (Classes tink = Classes.of(com.google.crypto.tink.Aead.class)) {
            assertEquals(TINK_MODULE, tink.manifest().getMainAttributes().getValue("Automatic-Module-Name"));
        }
    }

    @Test
    void serviceLoaderFindsTheTinkProvider() {
        List<WaferProvider> found = ServiceLoader.load(WaferProvider.class).stream()
                .filter(p -> p.type() == TinkProvider.class)
                .map(ServiceLoader.Provider::get)
                .collect(Collectors.toList());

        assertEquals(1, found.size());
        assertEquals("tink", found.get(0).name());
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

        Manifest manifest() throws IOException {
            try (InputStream in = Files.newInputStream(root.resolve("META-INF/MANIFEST.MF"))) {
                return new Manifest(in);
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
