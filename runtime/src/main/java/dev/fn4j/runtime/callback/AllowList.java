package dev.fn4j.runtime.callback;

import static dev.fn4j.runtime.error.Messages.quote;

import dev.fn4j.runtime.error.ApiException;
import dev.fn4j.runtime.error.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;

/**
 * The callback destinations the operator allows ({@code --callback-allow}), so that callers
 * cannot turn the runtime into a proxy into its network. A pattern is {@code
 * scheme://host[:port][/path]}: the host exact or {@code *.domain}, the port exact or {@code *}
 * (absent: the scheme's default), the path a prefix (a trailing {@code *} is optional). URLs are
 * compared parsed, never as text, so {@code http://127.0.0.1:80@evil.example/} matches nothing.
 * Empty by default: every callback is refused.
 */
public final class AllowList {

    /** One allowed destination; host lower-case, port -1 for any, path a prefix. */
    private record Pattern(String scheme, String host, int port, String path) {}

    private final List<Pattern> patterns;
    private final List<String> texts;

    private AllowList(List<Pattern> patterns, List<String> texts) {
        this.patterns = patterns;
        this.texts = texts;
    }

    /**
     * Parses the operator's patterns.
     *
     * @throws IllegalArgumentException naming the first pattern that is not one
     */
    public static AllowList of(List<String> texts) {
        return new AllowList(texts.stream().map(AllowList::pattern).toList(), List.copyOf(texts));
    }

    private static Pattern pattern(String text) {
        String rule = "a callback pattern must be http(s)://host[:port][/path], the host exact or *.domain, the"
                + " port a number or *: ";
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            throw new IllegalArgumentException(rule + quote(text));
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        String rest = text.substring(schemeEnd + 3);
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "/" : rest.substring(slash);
        path = path.endsWith("*") ? path.substring(0, path.length() - 1) : path;
        int colon = authority.lastIndexOf(':');
        String host = (colon < 0 ? authority : authority.substring(0, colon)).toLowerCase(Locale.ROOT);
        String port = colon < 0 ? "" : authority.substring(colon + 1);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || host.isEmpty()
                || host.contains("@")
                || host.substring(host.startsWith("*.") ? 2 : 0).contains("*")
                || !(port.isEmpty() || port.equals("*") || port.matches("\\d{1,5}"))
                || path.contains("*")) {
            throw new IllegalArgumentException(rule + quote(text));
        }
        int number = port.isEmpty() ? defaultPort(scheme) : port.equals("*") ? -1 : Integer.parseInt(port);
        return new Pattern(scheme, host, number, path);
    }

    /**
     * Checks a caller's callback URL.
     *
     * @throws ApiException 400 {@code callback_not_allowed} when it is malformed or not allowed
     */
    public URI check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw refused(url, "it is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null
                || uri.getRawUserInfo() != null
                || uri.getRawFragment() != null) {
            throw refused(url, "it must be an absolute http or https URL without user info or fragment");
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        int port = uri.getPort() < 0 ? defaultPort(scheme) : uri.getPort();
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        for (Pattern p : patterns) {
            if (p.scheme.equals(scheme)
                    && hostMatches(p.host, host)
                    && (p.port < 0 || p.port == port)
                    && path.startsWith(p.path)) {
                return uri;
            }
        }
        throw refused(
                url,
                texts.isEmpty()
                        ? "this runtime allows no callback destinations; its operator must allow this one with"
                                + " --callback-allow"
                        : "the operator allows only " + String.join(", ", texts)
                                + "; ask the operator to add this destination to --callback-allow");
    }

    public boolean isEmpty() {
        return patterns.isEmpty();
    }

    private static boolean hostMatches(String pattern, String host) {
        return pattern.startsWith("*.") ? host.endsWith(pattern.substring(1)) : pattern.equals(host);
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }

    private static ApiException refused(String url, String why) {
        return new ApiException(
                ErrorCode.CALLBACK_NOT_ALLOWED, "X-Callback-Url " + quote(url) + " is not allowed: " + why);
    }
}
