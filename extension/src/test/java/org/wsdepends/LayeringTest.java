package org.wsdepends;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The rule of each package of the extension jar, checked on its sources: every reference to a type of
 * a forbidden package fails the build, naming the file and the type.
 * <ul>
 * <li>{@code core}: container-free, so it is unit-tested without a server: no CDI, no WebSocket, and
 * nothing of the two packages above it.</li>
 * <li>{@code internal}: the WebSocket adapter: no CDI (it reaches it through {@code EndpointFactory}
 * and {@code Deployment}), and nothing of {@code extension}.</li>
 * <li>{@code extension}: CDI wiring: of the WebSocket API only the annotation types CDI observers and
 * qualifiers need.</li>
 * </ul>
 */
class LayeringTest {

    private static final Path SOURCES = Path.of("src/main/java/org/wsdepends");
    private static final Pattern REFERENCE = Pattern.compile("\\b((?:jakarta\\.(?:enterprise|websocket)|org\\.wsdepends"
            + "\\.(?:internal|extension))(?:\\.[a-z]\\w*)*\\.[A-Z]\\w*)");
    private static final Pattern COMMENTS_AND_STRINGS = Pattern.compile("/\\*(?s:.*?)\\*/|//[^\\n]*|\"(?:\\\\.|[^\"\\\\])*\"");

    @Test
    void coreImportsNeitherCdiNorWebSocketNorTheLayersAbove() throws IOException {
        assertThat(violations("core", reference -> true)).isEmpty();
    }

    @Test
    void theWebSocketAdapterImportsNoCdi() throws IOException {
        assertThat(violations("internal", reference -> !reference.startsWith("jakarta.websocket.")
                && !reference.startsWith("org.wsdepends.internal."))).isEmpty();
    }

    @Test
    void theExtensionUsesOnlyWebSocketAnnotations() throws IOException {
        Set<String> annotations = Set.of("jakarta.websocket.server.ServerEndpoint", "jakarta.websocket.server.PathParam");
        assertThat(violations("extension", reference -> reference.startsWith("jakarta.websocket.")
                && !annotations.contains(reference))).isEmpty();
    }

    @Test
    void theCheckSeesImportsAndQualifiedNamesButNotCommentsOrStrings() {
        String source = "import jakarta.enterprise.inject.spi.Bean;\n/** {@link jakarta.websocket.Session} */\n"
                + "class X { String s = \"jakarta.websocket.server.PathParam\"; jakarta.websocket.Session session; }";
        assertThat(references(source)).containsExactly("jakarta.enterprise.inject.spi.Bean", "jakarta.websocket.Session");
    }

    /** @return {@code file: type} for every reference in the package that {@code forbidden} accepts */
    private static List<String> violations(String pkg, java.util.function.Predicate<String> forbidden) throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(SOURCES.resolve(pkg))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).sorted().toList()) {
                for (String reference : references(Files.readString(file))) {
                    if (forbidden.test(reference) && !reference.startsWith("org.wsdepends." + pkg + ".")) {
                        found.add(file.getFileName() + ": " + reference);
                    }
                }
            }
        }
        return found;
    }

    private static List<String> references(String source) {
        List<String> references = new ArrayList<>();
        Matcher matcher = REFERENCE.matcher(COMMENTS_AND_STRINGS.matcher(source).replaceAll(" "));
        while (matcher.find()) {
            references.add(matcher.group(1));
        }
        return references;
    }
}
