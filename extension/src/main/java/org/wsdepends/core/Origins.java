package org.wsdepends.core;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The {@code Origin}s allowed to open a connection ({@code org.wsdepends.allowed-origins}, design §5):
 * an exact match of scheme, host (in any case) and port, the default port of the scheme counting as
 * written. A handshake without {@code Origin} (a client that is no browser) is allowed; browsers always
 * send it, so this is what stops cross-site WebSocket hijacking.
 */
public final class Origins {

    /** The setting's name, without the {@code org.wsdepends.} prefix. */
    public static final String KEY = "allowed-origins";

    private static final Origins ANY = new Origins(null);

    private final Set<String> allowed;

    private Origins(Set<String> allowed) {
        this.allowed = allowed;
    }

    /**
     * @param setting the comma-separated origins, {@code null} or blank for any origin
     * @return the policy
     * @throws IllegalArgumentException naming the key, for an entry that is no {@code scheme://host[:port]}
     */
    public static Origins of(String setting) {
        if (setting == null || setting.isBlank()) {
            return ANY;
        }
        Set<String> allowed = new LinkedHashSet<>();
        for (String entry : setting.split(",")) {
            String origin = normalized(entry.strip());
            if (origin == null) {
                throw new IllegalArgumentException(Messages.invalidSetting(Settings.PREFIX + KEY, entry.strip(),
                        "comma-separated origins such as https://chat.example.com or http://127.0.0.1:8080"));
            }
            allowed.add(origin);
        }
        return new Origins(Set.copyOf(allowed));
    }

    /**
     * @param origin the handshake's {@code Origin} header, {@code null} if it has none
     * @return whether it may open a connection
     */
    public boolean allows(String origin) {
        if (allowed == null || origin == null) {
            return true;
        }
        String normalized = normalized(origin.strip());
        return normalized != null && allowed.contains(normalized);
    }

    private static String normalized(String origin) {
        try {
            URI uri = new URI(origin);
            String scheme = uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT);
            if (scheme == null || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    && !uri.getRawPath().equals("/") || uri.getRawQuery() != null || uri.getUserInfo() != null) {
                return null;
            }
            int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") || scheme.equals("wss") ? 443 : 80;
            return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
        } catch (URISyntaxException malformed) {
            return null;
        }
    }
}
