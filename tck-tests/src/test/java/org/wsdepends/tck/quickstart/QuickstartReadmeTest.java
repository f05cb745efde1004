package org.wsdepends.tck.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The README's quick start is the source of {@code examples/quickstart}, file for file, so the code a new user copies
 * is the code {@link QuickstartWarTest} deploys. In the README's "Quick start" section each file is a line
 * {@code **`path`**} followed by a fenced block with the file's exact content.
 */
class QuickstartReadmeTest {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Path MODULE = ROOT.resolve("examples/quickstart");
    private static final Pattern FILE = Pattern.compile("^\\*\\*`([^`]+)`\\*\\*\\n+```[a-z]*\\n(.*?)^```$",
            Pattern.MULTILINE | Pattern.DOTALL);

    @Test
    void theReadmeShowsEveryFileOfTheQuickstartModuleVerbatim() throws IOException {
        assertThat(readmeFiles()).isEqualTo(moduleFiles());
    }

    private static Map<String, String> readmeFiles() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"));
        int start = readme.indexOf("\n## Quick start\n");
        assertThat(start).as("README.md has a \"## Quick start\" section").isNotNegative();
        int end = readme.indexOf("\n## ", start + 1);
        Matcher file = FILE.matcher(readme.substring(start, end < 0 ? readme.length() : end));
        Map<String, String> files = new TreeMap<>();
        while (file.find()) {
            files.put(file.group(1), file.group(2));
        }
        return files;
    }

    private static Map<String, String> moduleFiles() throws IOException {
        Map<String, String> files = new TreeMap<>();
        files.put("pom.xml", Files.readString(MODULE.resolve("pom.xml")));
        try (Stream<Path> sources = Files.walk(MODULE.resolve("src"))) {
            for (Path source : (Iterable<Path>) sources.filter(Files::isRegularFile)::iterator) {
                files.put(MODULE.relativize(source).toString().replace('\\', '/'), Files.readString(source));
            }
        }
        return files;
    }
}
