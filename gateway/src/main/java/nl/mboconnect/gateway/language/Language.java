package nl.mboconnect.gateway.language;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpCookie;
import org.springframework.http.server.reactive.ServerHttpRequest;

/**
 * The site's languages: Dutch, unless the visitor chose English with the switch (remembered in the
 * {@value #COOKIE} cookie). The browser's own language is not asked on purpose: a Dutch teacher with
 * an English phone would get English texts around Dutch content.
 */
public final class Language {

    public static final String COOKIE = "lang";
    /** The first is the default. */
    public static final List<String> SUPPORTED = List.of("nl", "en");

    private Language() {
    }

    /** {@code ?lang=} (the login link passes it along), else the visitor's choice, else Dutch. */
    public static String of(ServerHttpRequest request) {
        String asked = supported(request.getQueryParams().getFirst("lang"));
        if (asked != null) {
            return asked;
        }
        HttpCookie cookie = request.getCookies().getFirst(COOKIE);
        String chosen = cookie == null ? null : supported(cookie.getValue());
        return chosen != null ? chosen : SUPPORTED.getFirst();
    }

    /** The language as the site writes it, or null if the site does not speak it. */
    static String supported(String candidate) {
        if (candidate == null) {
            return null;
        }
        String language = candidate.trim().toLowerCase(Locale.ROOT);
        return SUPPORTED.contains(language) ? language : null;
    }
}
