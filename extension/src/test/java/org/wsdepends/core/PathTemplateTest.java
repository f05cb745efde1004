package org.wsdepends.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Matching request paths to {@code @ServerEndpoint} templates before the container does (Jakarta WebSocket §3.1.1). */
class PathTemplateTest {

    @Test
    void variablesMatchOneNonEmptySegmentAndArePercentDecoded() {
        PathTemplate rooms = PathTemplate.of("/rooms/{room}/users/{user}");

        assertThat(rooms.match("/rooms/r%C3%A9union/users/a+b%2Fc")).containsExactly(Map.entry("room", "réunion"),
                Map.entry("user", "a+b/c"));
        assertThat(rooms.match("/rooms//users/x")).isNull();
        assertThat(rooms.match("/rooms/a/users")).isNull();
        assertThat(rooms.match("/rooms/a/users/b/c")).isNull();
        assertThat(rooms.match("/room/a/users/b")).isNull();
        assertThat(rooms.match("/rooms/100%/users/b")).containsEntry("room", "100%");
        assertThat(PathTemplate.of("/echo").match("/echo")).isEmpty();
        assertThat(PathTemplate.of("/echo").match("/echo/")).isNull();
    }

    @Test
    void anExactMatchWinsAndThenTheFirstLiteralSegment() {
        List<PathTemplate> templates = List.of(PathTemplate.of("/a/{x}/{y}"), PathTemplate.of("/a/{x}/c"),
                PathTemplate.of("/a/b/{y}"), PathTemplate.of("/a/b/c"), PathTemplate.of("/{p}"));

        assertThat(PathTemplate.select(templates, "/a/b/c")).isEqualTo(3);
        assertThat(PathTemplate.select(templates, "/a/b/d")).isEqualTo(2);
        assertThat(PathTemplate.select(templates, "/a/z/c")).isEqualTo(1);
        assertThat(PathTemplate.select(templates, "/a/z/d")).isEqualTo(0);
        assertThat(PathTemplate.select(templates, "/top")).isEqualTo(4);
        assertThat(PathTemplate.select(templates, "/a/b")).isEqualTo(-1);
    }

    @Test
    void theUrlPatternCoversEveryPathTheTemplateMatches() {
        assertThat(PathTemplate.of("/echo").urlPattern()).isEqualTo("/echo");
        assertThat(PathTemplate.of("/rooms/{room}/log").urlPattern()).isEqualTo("/rooms/*");
        assertThat(PathTemplate.of("/{any}").urlPattern()).isEqualTo("/*");
        assertThat(PathTemplate.of("/").urlPattern()).isEqualTo("/");
    }
}
