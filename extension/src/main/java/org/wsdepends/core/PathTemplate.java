package org.wsdepends.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code @ServerEndpoint} path template, matched against request paths as Jakarta WebSocket 2.1 section 3.1.1
 * says: same number of segments, literal segments equal, each {@code {variable}} one non-empty segment; of several
 * matching templates, the first segment where they differ decides, a literal beating a variable (so an exact match
 * always wins). Needed before the upgrade, where the container has not matched the path yet. Immutable.
 */
public final class PathTemplate {

    private final String template;
    private final String[] segments;
    private final String[] variables;

    private PathTemplate(String template) {
        this.template = template;
        this.segments = template.split("/", -1);
        this.variables = new String[segments.length];
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.length() > 2 && segment.startsWith("{") && segment.endsWith("}")) {
                variables[i] = segment.substring(1, segment.length() - 1);
            }
        }
    }

    /**
     * @param template a {@code @ServerEndpoint} value, e.g. {@code /rooms/{room}}
     * @return the template
     */
    public static PathTemplate of(String template) {
        return new PathTemplate(template);
    }

    /** @return the template as written */
    public String template() {
        return template;
    }

    /**
     * The servlet URL pattern that covers every path the template matches: the template itself without variables,
     * otherwise its literal segments before the first variable followed by {@code /*}.
     *
     * @return for example {@code /echo} for {@code /echo}, {@code /rooms/*} for {@code /rooms/{room}/log}
     */
    public String urlPattern() {
        StringBuilder pattern = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            if (variables[i] != null) {
                return pattern.append("/*").toString();
            }
            pattern.append('/').append(segments[i]);
        }
        return template;
    }

    /**
     * @param rawPath the request path below the context path, still percent-encoded, without the query
     * @return the values of the template's variables, percent-decoded as UTF-8, in template order; {@code null} if
     *         the path does not match
     */
    public Map<String, String> match(String rawPath) {
        String[] parts = rawPath.split("/", -1);
        if (parts.length != segments.length) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < parts.length; i++) {
            if (variables[i] == null) {
                if (!segments[i].equals(parts[i])) {
                    return null;
                }
            } else if (parts[i].isEmpty()) {
                return null;
            } else {
                values.put(variables[i], decode(parts[i]));
            }
        }
        return values;
    }

    /**
     * The template Jakarta WebSocket selects for a path.
     *
     * @param templates the deployment's templates
     * @param rawPath   the request path below the context path, still percent-encoded
     * @return the index of the selected template, {@code -1} if none matches
     */
    public static int select(List<PathTemplate> templates, String rawPath) {
        int best = -1;
        for (int i = 0; i < templates.size(); i++) {
            if (templates.get(i).match(rawPath) != null && (best < 0 || templates.get(i).beats(templates.get(best)))) {
                best = i;
            }
        }
        return best;
    }

    /** Both templates match the same path, so they have as many segments. */
    private boolean beats(PathTemplate other) {
        for (int i = 0; i < segments.length; i++) {
            boolean literal = variables[i] == null;
            if (literal != (other.variables[i] == null)) {
                return literal;
            }
        }
        return false;
    }

    /** Percent-decodes a path segment; {@code +} is a plus sign in a path, and a malformed escape stays as sent. */
    private static String decode(String segment) {
        if (segment.indexOf('%') < 0) {
            return segment;
        }
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return segment;
        }
    }

    @Override
    public String toString() {
        return template;
    }
}
