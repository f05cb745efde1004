package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final String KEY = "org.wsdepends.test-setting";

    @AfterEach
    void clear() {
        System.clearProperty(KEY);
    }

    @Test
    void theContainerSourceWinsOverTheSystemPropertyWhichWinsOverTheFile(@TempDir Path classes) throws Exception {
        Files.createDirectories(classes.resolve("META-INF"));
        Files.writeString(classes.resolve("META-INF/wsdepends.properties"), KEY + "=file\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null)) {
            assertThat(Settings.of(key -> null, loader).value("test-setting")).isEqualTo("file");
            System.setProperty(KEY, " property ");
            assertThat(Settings.of(key -> null, loader).value("test-setting")).isEqualTo("property");
            assertThat(Settings.of(Map.of(KEY, "context")::get, loader).value("test-setting")).isEqualTo("context");
        }
        assertThat(Settings.of(key -> null, null).value("other")).isNull();
    }

    @Test
    void sizesAreBytesOrBinaryUnits() {
        assertThat(size("1")).isEqualTo(1);
        assertThat(size("1024")).isEqualTo(1024);
        assertThat(size("2KiB")).isEqualTo(2048);
        assertThat(size("16 MiB")).isEqualTo(16L << 20);
        assertThat(size("1gib")).isEqualTo(1L << 30);
        System.clearProperty(KEY);
        assertThat(Settings.of(key -> null, null).size("test-setting", 7, 10)).isEqualTo(7);
        for (String invalid : new String[] {"0", "-1", "lots", "1.5MiB", "2GiB", "9999999999999999999", ""}) {
            System.setProperty(KEY, invalid);
            assertThatThrownBy(() -> Settings.of(key -> null, null).size("test-setting", 7, 1L << 30))
                    .as(invalid)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(KEY).hasMessageContaining("\"" + invalid + "\"")
                    .hasMessageContaining("between 1 and 1073741824").hasMessageContaining("default, 7");
        }
    }

    @Test
    void durationsAreMillisecondsSecondsOrIso8601() {
        assertThat(duration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(duration("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(duration("PT1M")).isEqualTo(Duration.ofMinutes(1));
        System.clearProperty(KEY);
        assertThat(Settings.of(key -> null, null).duration("test-setting", Duration.ofSeconds(3)))
                .isEqualTo(Duration.ofSeconds(3));
        for (String invalid : new String[] {"0s", "-1s", "PT0S", "ten", "10", "s"}) {
            System.setProperty(KEY, invalid);
            assertThatThrownBy(() -> Settings.of(key -> null, null).duration("test-setting", Duration.ofSeconds(3)))
                    .as(invalid)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(KEY).hasMessageContaining("positive duration")
                    .hasMessageContaining("default, 3000ms");
        }
    }

    private static long size(String value) {
        System.setProperty(KEY, value);
        return Settings.of(key -> null, null).size("test-setting", 7, 1L << 30);
    }

    private static Duration duration(String value) {
        System.setProperty(KEY, value);
        return Settings.of(key -> null, null).duration("test-setting", Duration.ofSeconds(3));
    }

    @Test
    void rejectionBeforeTheUpgradeIsHttpOrCloseInAnyCaseAndCloseByDefault() {
        assertThat(Settings.of(key -> null, null).rejectsBeforeUpgrade()).isFalse();
        assertThat(Settings.of(Map.of("org.wsdepends.reject", " HTTP ")::get, null).rejectsBeforeUpgrade()).isTrue();
        assertThat(Settings.of(Map.of("org.wsdepends.reject", "close")::get, null).rejectsBeforeUpgrade()).isFalse();
        assertThatThrownBy(() -> Settings.of(Map.of("org.wsdepends.reject", "401")::get, null).rejectsBeforeUpgrade())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("WSD-0402 org.wsdepends.reject: \"401\" is not a valid value. Fix: use http or close, or remove"
                        + " the setting for its default");
    }
}
