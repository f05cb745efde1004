package org.wsdepends.core;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.wsdepends.security.Identity;

/**
 * What one WebSocket handshake carried: the raw query string, the request headers, the path
 * variables, the principal and which of the endpoint's roles the container granted it. Query and
 * cookies are parsed on first use. Immutable after construction apart from that parse cache; meant
 * to be used by one thread at a time.
 */
public final class HandshakeData {

    private final String rawQuery;
    private final Map<String, List<String>> headers;
    private final Map<String, String> pathParameters;
    private final Principal principal;
    private final Set<String> principalRoles;
    private Map<String, List<String>> query;
    private Map<String, List<String>> cookies;

    private HandshakeData(String rawQuery, Map<String, List<String>> headers, Map<String, String> pathParameters,
            Principal principal, Set<String> principalRoles) {
        this.rawQuery = rawQuery == null ? "" : rawQuery;
        this.headers = headers;
        this.pathParameters = pathParameters;
        this.principal = principal;
        this.principalRoles = principalRoles;
    }

    /**
     * Copies the handshake's values.
     *
     * @param rawQuery       the query string without {@code ?}, still percent-encoded; {@code null} for none
     * @param headers        the request headers, any case; {@code null} for none
     * @param pathParameters the values of the path template variables; {@code null} for none
     * @param principal      the authenticated user, {@code null} if none
     * @return the handshake data
     */
    public static HandshakeData of(String rawQuery, Map<String, List<String>> headers,
            Map<String, String> pathParameters, Principal principal) {
        return of(rawQuery, headers, pathParameters, principal, Set.of(), null);
    }

    /**
     * Copies the handshake's values, of the headers only those that will be read.
     *
     * @param rawQuery       the query string without {@code ?}, still percent-encoded; {@code null} for none
     * @param headers        the request headers, any case; {@code null} for none
     * @param pathParameters the values of the path template variables; {@code null} for none
     * @param principal      the authenticated user, {@code null} if none
     * @param principalRoles the roles the container said the principal is in ({@code isUserInRole}); only
     *                       those the endpoint declares are asked, since the container cannot list them
     * @param headerNames    the headers to copy, a set ignoring case; {@code null} for all
     * @return the handshake data
     */
    public static HandshakeData of(String rawQuery, Map<String, List<String>> headers,
            Map<String, String> pathParameters, Principal principal, Set<String> principalRoles,
            Set<String> headerNames) {
        Map<String, List<String>> headerCopy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((name, values) -> {
                if (headerNames == null || headerNames.contains(name)) {
                    headerCopy.merge(name, List.copyOf(values), HandshakeData::concat);
                }
            });
        }
        return new HandshakeData(rawQuery, Collections.unmodifiableMap(headerCopy),
                pathParameters == null ? Map.of() : Map.copyOf(pathParameters), principal, Set.copyOf(principalRoles));
    }

    /**
     * The same handshake with the path variables the container matched. Containers know them only
     * once the connection is open, after the rest was captured.
     *
     * @param values the path variables
     * @return a copy with those path variables
     */
    public HandshakeData withPathParameters(Map<String, String> values) {
        return new HandshakeData(rawQuery, headers, values == null ? Map.of() : Map.copyOf(values), principal,
                principalRoles);
    }

    /**
     * The values of a query parameter, percent-decoded, in the order they were sent.
     *
     * @param name the decoded name
     * @return the values, empty if absent
     */
    public List<String> query(String name) {
        if (query == null) {
            query = parseQuery(rawQuery);
        }
        return query.getOrDefault(name, List.of());
    }

    /**
     * The lines of a header, as the container delivered them (some containers split comma-separated
     * values into several entries).
     *
     * @param name the header name, any case
     * @return the values, empty if absent
     */
    public List<String> header(String name) {
        return headers.getOrDefault(name, List.of());
    }

    /**
     * The request headers that were copied (all, unless names were given), with case-insensitive names.
     *
     * @return an unmodifiable map
     */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /**
     * The values of a cookie from the {@code Cookie} header(s), in the order they were sent.
     *
     * @param name the cookie name, case-sensitive
     * @return the values, empty if absent
     */
    public List<String> cookie(String name) {
        if (cookies == null) {
            cookies = parseCookies(header("Cookie"));
        }
        return cookies.getOrDefault(name, List.of());
    }

    /**
     * The value of a path template variable.
     *
     * @param name the variable name
     * @return the value, {@code null} if the template has no such variable
     */
    public String path(String name) {
        return pathParameters.get(name);
    }

    /**
     * The authenticated user of the handshake request.
     *
     * @return the principal, {@code null} if none
     */
    public Principal principal() {
        return principal;
    }

    /**
     * The container's authenticated caller as an {@link Identity} (design §5: the source when the
     * deployment has no identity producer): the principal's name, and of the endpoint's roles those
     * the container granted. It carries no expiry.
     *
     * @return the identity, {@code null} if the container authenticated no one
     */
    public Identity containerIdentity() {
        return principal == null ? null : Identity.of(principal.getName(), principalRoles);
    }

    /**
     * Splits a query string on {@code &} and {@code =} and percent-decodes names and values as UTF-8
     * ({@code +} is a space). A malformed escape leaves that part as it was sent, so the value still
     * reaches validation instead of being dropped.
     *
     * @param rawQuery the query string without {@code ?}
     * @return the parameters in the order sent
     */
    static Map<String, List<String>> parseQuery(String rawQuery) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        // by index rather than split and substring: this runs for every handshake
        for (int start = 0, end; start < rawQuery.length(); start = end + 1) {
            end = rawQuery.indexOf('&', start);
            if (end < 0) {
                end = rawQuery.length();
            }
            if (end == start) {
                continue;
            }
            int eq = rawQuery.indexOf('=', start);
            boolean hasValue = eq >= 0 && eq < end;
            String name = decode(rawQuery.substring(start, hasValue ? eq : end));
            String value = hasValue ? decode(rawQuery.substring(eq + 1, end)) : "";
            result.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
        }
        return result;
    }

    /**
     * Parses {@code Cookie} header lines as RFC 6265 section 5.4 sends them: {@code name=value} pairs
     * separated by {@code ;}. Pairs without {@code =} are ignored (section 5.2 step 2 for the user
     * agent's side), and one pair of surrounding double quotes is removed from a value (section 4.1.1
     * {@code cookie-value}).
     *
     * @param lines the {@code Cookie} header lines
     * @return the cookies in the order sent
     */
    static Map<String, List<String>> parseCookies(List<String> lines) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        for (String line : lines) {
            for (int start = 0, end; start < line.length(); start = end + 1) {
                end = line.indexOf(';', start);
                if (end < 0) {
                    end = line.length();
                }
                int eq = line.indexOf('=', start);
                if (eq < 0 || eq >= end) {
                    continue;
                }
                String name = trimmed(line, start, eq);
                String value = trimmed(line, eq + 1, end);
                if (value.length() >= 2 && value.charAt(0) == '"' && value.charAt(value.length() - 1) == '"') {
                    value = value.substring(1, value.length() - 1);
                }
                if (!name.isEmpty()) {
                    result.computeIfAbsent(name, key -> new ArrayList<>(1)).add(value);
                }
            }
        }
        return result;
    }

    /** {@code text.substring(from, to).trim()} without the intermediate string. */
    private static String trimmed(String text, int from, int to) {
        int first = from;
        int last = to;
        while (first < last && text.charAt(first) <= ' ') {
            first++;
        }
        while (last > first && text.charAt(last - 1) <= ' ') {
            last--;
        }
        return text.substring(first, last);
    }

    private static String decode(String text) {
        if (text.indexOf('%') < 0 && text.indexOf('+') < 0) {
            // URLDecoder allocates a buffer even when there is nothing to decode
            return text;
        }
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return text;
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }
}
