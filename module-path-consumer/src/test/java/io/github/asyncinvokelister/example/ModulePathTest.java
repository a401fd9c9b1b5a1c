package io.github.asyncinvokelister.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asyncinvokelister.AsyncInvokeLister;
import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The library and the emulator as named modules, as a modular application meets them: this test runs on the module
 * path, inside the example's module.
 */
class ModulePathTest {

    @Test
    void theLibraryAndTheEmulatorAreNamedModulesHere() {
        assertThat(getClass().getModule().getName()).isEqualTo("io.github.asyncinvokelister.example");
        assertThat(AsyncInvokeLister.class.getModule().getName()).isEqualTo("io.github.asyncinvokelister");
        assertThat(BedrockRuntimeEmulator.class.getModule().getName())
                .isEqualTo("io.github.asyncinvokelister.emulator");
    }

    @Test
    void listsFromTheEmulatorOnTheModulePath() {
        assertThat(ListFromEmulator.run()).matches("failed: 10 of 200 listed, next token: yes");
    }

    @Test
    void theLibraryExportsItsApiPackageOnly() {
        ModuleDescriptor library = AsyncInvokeLister.class.getModule().getDescriptor();

        assertThat(library.exports()).singleElement().satisfies(export -> {
            assertThat(export.source()).isEqualTo("io.github.asyncinvokelister");
            assertThat(export.isQualified()).isFalse();
        });
        assertThat(library.packages()).contains("io.github.asyncinvokelister.internal");
        assertThat(library.opens()).isEmpty();
        assertThat(AsyncInvokeLister.class.getModule().isExported("io.github.asyncinvokelister.internal")).isFalse();
    }

    @Test
    void theEmulatorExportsItsPackageOnly() {
        ModuleDescriptor emulator = BedrockRuntimeEmulator.class.getModule().getDescriptor();

        assertThat(emulator.exports()).extracting(ModuleDescriptor.Exports::source)
                .containsExactly("io.github.asyncinvokelister.emulator");
    }

    @Test
    void theLibraryHoldsNoEmulatorOrCommandLineClass() throws IOException, URISyntaxException {
        Path library = Path.of(AsyncInvokeLister.class.getProtectionDomain().getCodeSource().getLocation().toURI());

        List<String> classes = classesIn(library);

        assertThat(classes).isNotEmpty().allMatch(name -> name.startsWith("io/github/asyncinvokelister/")
                || name.equals("module-info.class"));
        assertThat(classes).noneMatch(name -> name.startsWith("io/github/asyncinvokelister/emulator/")
                || name.startsWith("io/github/asyncinvokelister/cli/") || name.contains("picocli"));
    }

    /**
     * The example started as users start a modular application, every runtime dependency on the module path:
     * {@code java -p ... -m module/class}.
     */
    @Test
    void theExampleRunsAsAModularApplication() throws IOException, InterruptedException {
        assertThat(System.getProperty("jdk.module.path")).as("this test runs on the module path").isNotBlank();
        String modulePath = System.getProperty("exampleClasses") + java.io.File.pathSeparator
                + Files.readString(Path.of(System.getProperty("runtimeModulePath"))).strip();
        Process process = new ProcessBuilder(ProcessHandle.current().info().command().orElse("java"),
                "--module-path", modulePath,
                "--module", "io.github.asyncinvokelister.example/" + ListFromEmulator.class.getName())
                .redirectErrorStream(false).start();

        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("exit code; standard error:%n%s", err).isZero();
        assertThat(out.strip()).isEqualTo("failed: 10 of 200 listed, next token: yes");
        assertThat(err).doesNotContain("Exception", "NoClassDefFoundError");
    }

    private static List<String> classesIn(Path location) throws IOException {
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.walk(location)) {
                return files.filter(file -> file.toString().endsWith(".class"))
                        .map(file -> location.relativize(file).toString().replace('\\', '/'))
                        .collect(Collectors.toList());
            }
        }
        try (JarFile jar = new JarFile(location.toFile())) {
            return jar.stream().map(entry -> entry.getName()).filter(name -> name.endsWith(".class"))
                    .filter(name -> !name.startsWith("META-INF/versions/") || name.endsWith("module-info.class"))
                    .collect(Collectors.toList());
        }
    }

}
