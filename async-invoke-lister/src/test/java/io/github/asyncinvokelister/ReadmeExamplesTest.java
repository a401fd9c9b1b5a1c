package io.github.asyncinvokelister;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/**
 * Compiles every {@code java} block of README.md against the library, so the README cannot drift from the API.
 * A block that is not a whole compilation unit is compiled as the body of a method that has a
 * {@code BedrockRuntimeClient bedrockRuntimeClient} and a {@code String token} in scope. A block with JUnit tests
 * is run too, and every test in it must pass.
 */
class ReadmeExamplesTest {
    private static final Pattern JAVA_BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
    private static final String IMPORTS = String.join("\n",
            "import io.github.asyncinvokelister.*;",
            "import io.github.asyncinvokelister.emulator.*;",
            "import java.net.URI;",
            "import java.time.*;",
            "import java.util.*;",
            "import java.util.stream.*;",
            "import software.amazon.awssdk.regions.Region;",
            "import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;",
            "");

    @Test
    void everyJavaBlockOfTheReadmeCompilesAndItsTestsPass(@TempDir Path output) throws Exception {
        // The build passes the project's README; from an IDE, run it with the project root as working directory.
        String readme = Files.readString(Path.of(System.getProperty("readme", "README.md")), StandardCharsets.UTF_8);
        Matcher matcher = JAVA_BLOCK.matcher(readme);
        List<JavaFileObject> sources = new ArrayList<>();
        List<String> testClasses = new ArrayList<>();
        while (matcher.find()) {
            String block = matcher.group(1);
            String name = "ReadmeExample" + sources.size();
            String source = block.contains("class ") ? block.replaceFirst("class (\\w+)", "class " + name)
                    : IMPORTS + "class " + name + " {\n"
                            + "    void run(BedrockRuntimeClient bedrockRuntimeClient, String token) throws Exception {\n"
                            + block + "\n    }\n}\n";
            if (block.contains("class ") && !block.contains("import ")) {
                source = IMPORTS + source;
            }
            if (block.contains("@Test")) {
                testClasses.add(name);
            }
            String body = source;
            sources.add(new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return body;
                }
            });
        }
        assertThat(sources).as("java blocks in README.md").hasSizeGreaterThanOrEqualTo(3);

        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        StringWriter diagnostics = new StringWriter();
        boolean compiled = compiler.getTask(diagnostics, null, null,
                List.of("-classpath", classPath(), "-d", output.toString(), "-Xlint:all", "-Werror",
                        "-proc:none"),
                null, sources).call();
        assertThat(compiled).as("README examples compile:%n%s", diagnostics).isTrue();

        assertThat(testClasses).as("README blocks with JUnit tests").isNotEmpty();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {output.toUri().toURL()},
                ReadmeExamplesTest.class.getClassLoader())) {
            for (String name : testClasses) {
                Events tests = EngineTestKit.engine("junit-jupiter")
                        .selectors(DiscoverySelectors.selectClass(loader.loadClass(name))).execute().testEvents();
                tests.failed().stream().forEach(failure -> failure.getPayload(Throwable.class)
                        .ifPresent(Throwable::printStackTrace));
                assertThat(tests.started().count()).as("tests run in %s", name).isPositive();
                assertThat(tests.succeeded().count()).as("tests passed in %s", name)
                        .isEqualTo(tests.started().count());
            }
        }
    }

    /** The test class path, read through surefire's manifest-only jar if it uses one. */
    private static String classPath() {
        return System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("surefire.test.class.path", "");
    }
}
