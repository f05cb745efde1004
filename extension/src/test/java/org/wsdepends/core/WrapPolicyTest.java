package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.websocket.OnMessage;
import jakarta.websocket.server.PathParam;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wsdepends.Cookie;
import org.wsdepends.DefaultValue;
import org.wsdepends.Depends;
import org.wsdepends.Header;
import org.wsdepends.Path;
import org.wsdepends.Query;
import org.wsdepends.core.wrapfixture.PackageMarked;

class WrapPolicyTest {

    @SuppressWarnings("unused")
    static class Plain {
        String text;

        Plain(String text) {
        }

        @OnMessage
        public String echo(String text) {
            return text;
        }
    }

    @SuppressWarnings("unused")
    static class StandardOnly {
        @OnMessage
        public String echo(String text, @PathParam("room") String room) {
            return text;
        }

        @DefaultValue("x")
        String notAQualifier;
    }

    @SuppressWarnings("unused")
    static class PathParamConstructor {
        @jakarta.inject.Inject
        PathParamConstructor(@PathParam("room") String room) {
        }
    }

    @org.wsdepends.security.RejectBeforeUpgrade
    static class RejectsBeforeUpgrade {
    }

    @SuppressWarnings("unused")
    static class QueryField {
        @Query String token;
    }

    @SuppressWarnings("unused")
    static class ConstructorDependency {
        ConstructorDependency(@Depends Object user) {
        }
    }

    @SuppressWarnings("unused")
    static class HandlerHeader {
        @OnMessage
        public void on(String text, @Header("x-client") String client) {
        }
    }

    @SuppressWarnings("unused")
    static class HandlerCookie {
        private void init(@Cookie String session) {
        }
    }

    @SuppressWarnings("unused")
    static class PathMethod {
        @Path("room")
        String room() {
            return null;
        }
    }

    @Depends(String.class)
    static class ClassDependency {
    }

    @Depends(String.class)
    @Depends(Integer.class)
    static class ClassDependencies {
    }

    @SuppressWarnings("unused")
    static class BaseEndpoint {
        @Query String token;

        @OnMessage
        public void on(String text, @Depends Object audit) {
        }
    }

    static class InheritingEndpoint extends BaseEndpoint {
    }

    private String savedProperty;

    @BeforeEach
    void saveProperty() {
        savedProperty = System.getProperty(WrapPolicy.WRAP_PROPERTY);
        System.clearProperty(WrapPolicy.WRAP_PROPERTY);
    }

    @AfterEach
    void restoreProperty() {
        if (savedProperty == null) {
            System.clearProperty(WrapPolicy.WRAP_PROPERTY);
        } else {
            System.setProperty(WrapPolicy.WRAP_PROPERTY, savedProperty);
        }
    }

    /** A class loader that serves {@code META-INF/wsdepends.properties} with the given content. */
    private static ClassLoader withProperties(String content) {
        return new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return "META-INF/wsdepends.properties".equals(name)
                        ? new ByteArrayInputStream(content.getBytes(StandardCharsets.ISO_8859_1)) : null;
            }
        };
    }

    @Test
    void jakartasPathParamOptsInOnlyWhereOnlyWsDependsServesIt() {
        assertThat(WrapPolicy.usesWsDepends(PathParamConstructor.class)).isTrue();
        assertThat(WrapPolicy.usesWsDepends(StandardOnly.class)).isFalse();
    }

    @Test
    void propertyName() {
        assertThat(WrapPolicy.WRAP_PROPERTY).isEqualTo("org.wsdepends.wrap");
    }

    @Test
    void classesWithoutWsDependsAnnotationsAreNotWrapped() {
        assertThat(WrapPolicy.usesWsDepends(Plain.class)).isFalse();
        assertThat(WrapPolicy.of(false).wraps(Plain.class)).isFalse();
    }

    @Test
    void standardPathParamAndDefaultValueAloneDoNotCount() {
        assertThat(WrapPolicy.usesWsDepends(StandardOnly.class)).isFalse();
    }

    @Test
    void anyWsDependsAnnotationOnAMemberCounts() {
        assertThat(WrapPolicy.usesWsDepends(QueryField.class)).as("field").isTrue();
        assertThat(WrapPolicy.usesWsDepends(ConstructorDependency.class)).as("constructor parameter").isTrue();
        assertThat(WrapPolicy.usesWsDepends(HandlerHeader.class)).as("handler parameter").isTrue();
        assertThat(WrapPolicy.usesWsDepends(HandlerCookie.class)).as("private initializer parameter").isTrue();
        assertThat(WrapPolicy.usesWsDepends(PathMethod.class)).as("method").isTrue();
    }

    @Test
    void classAndRepeatedClassDependenciesCount() {
        assertThat(WrapPolicy.usesWsDepends(ClassDependency.class)).isTrue();
        assertThat(WrapPolicy.usesWsDepends(ClassDependencies.class)).isTrue();
    }

    @Test
    void rejectionBeforeTheUpgradeCountsSinceOnlyAWrappedEndpointCanDoIt() {
        assertThat(WrapPolicy.usesWsDepends(RejectsBeforeUpgrade.class)).isTrue();
    }

    @Test
    void aPackageDependencyCounts() {
        assertThat(WrapPolicy.usesWsDepends(PackageMarked.class)).isTrue();
    }

    @Test
    void inheritedAnnotationsCount() {
        assertThat(WrapPolicy.usesWsDepends(InheritingEndpoint.class)).isTrue();
    }

    @Test
    void wrapAllWrapsEverything() {
        assertThat(WrapPolicy.of(true).wraps(Plain.class)).isTrue();
        assertThat(WrapPolicy.of(false).wraps(QueryField.class)).isTrue();
    }

    @Test
    void systemPropertyAllWrapsEverything() {
        System.setProperty(WrapPolicy.WRAP_PROPERTY, "all");
        assertThat(WrapPolicy.configured(null, null).wraps(Plain.class)).isTrue();

        System.setProperty(WrapPolicy.WRAP_PROPERTY, " ALL ");
        assertThat(WrapPolicy.configured(getClass().getClassLoader(), null).wraps(Plain.class)).isTrue();
    }

    @Test
    void otherSettingsWrapOnlyEndpointsThatUseWsDepends() {
        System.setProperty(WrapPolicy.WRAP_PROPERTY, "annotated");
        WrapPolicy policy = WrapPolicy.configured(null, null);

        assertThat(policy.wraps(Plain.class)).isFalse();
        assertThat(policy.wraps(QueryField.class)).isTrue();
    }

    @Test
    void notConfiguredWrapsOnlyEndpointsThatUseWsDepends() {
        assertThat(WrapPolicy.configured(null, null).wraps(Plain.class)).isFalse();
        assertThat(WrapPolicy.configured(getClass().getClassLoader(), null).wraps(Plain.class)).isFalse();
        assertThat(WrapPolicy.configured(withProperties("other=1\n"), null).wraps(Plain.class)).isFalse();
    }

    @Test
    void propertiesFileCanWrapAll() {
        assertThat(WrapPolicy.configured(withProperties("# wsdepends\norg.wsdepends.wrap = all\n"), null).wraps(Plain.class)).isTrue();
    }

    @Test
    void systemPropertyWinsOverThePropertiesFile() {
        System.setProperty(WrapPolicy.WRAP_PROPERTY, "annotated");

        assertThat(WrapPolicy.configured(withProperties("org.wsdepends.wrap=all"), null).wraps(Plain.class)).isFalse();
    }

    @Test
    void anUnreadablePropertiesFileFailsClearly() {
        ClassLoader broken = new ClassLoader(null) {
            @Override
            public InputStream getResourceAsStream(String name) {
                return new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("disk gone");
                    }
                };
            }
        };

        assertThatThrownBy(() -> WrapPolicy.configured(broken, null))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessage("Cannot read META-INF/wsdepends.properties")
                .hasRootCauseMessage("disk gone");
    }

    @Test
    void anInvalidValueFailsNamingTheKey() {
        System.setProperty(WrapPolicy.WRAP_PROPERTY, "everything");

        assertThatThrownBy(() -> WrapPolicy.configured(null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0402 org.wsdepends.wrap: \"everything\" is not a valid value. Fix: use all or annotated, or"
                        + " remove the setting for its default");
    }

    @Test
    void webXmlContextParametersAreRead() throws Exception {
        String webXml = """
                <web-app xmlns="https://jakarta.ee/xml/ns/jakartaee" version="6.0">
                  <context-param><param-name>other</param-name><param-value>1</param-value></context-param>
                  <context-param>
                    <param-name> org.wsdepends.wrap </param-name>
                    <param-value>
                      all
                    </param-value>
                  </context-param>
                </web-app>
                """;

        assertThat(WebXml.parse(new java.io.ByteArrayInputStream(webXml.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .containsExactly(java.util.Map.entry("other", "1"), java.util.Map.entry("org.wsdepends.wrap", "all"));
    }

    @Test
    void aClassOutsideAWarHasNoContextParameters() {
        assertThat(WebXml.contextParams(Plain.class)).isEmpty();
        assertThat(WebXml.contextParams(String.class)).isEmpty();
    }

    @Test
    void aWebXmlWithADoctypeIsRefusedRatherThanResolved() {
        String hostile = "<!DOCTYPE web-app [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><web-app>&x;</web-app>";

        assertThatThrownBy(() -> WebXml.parse(new java.io.ByteArrayInputStream(hostile.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .isInstanceOf(org.xml.sax.SAXException.class);
    }
}
