package nl.mboconnect.gateway.site;

import java.util.List;

import org.springframework.http.HttpStatus;

/**
 * The pages a browser can land on when something is not as it should be: each in the site's shell,
 * in Dutch (English when chosen: the texts' keys are in {@code /js/i18n.js}), with a way on.
 */
enum ErrorPage {

    NOT_FOUND(HttpStatus.NOT_FOUND, "notFound", "Deze pagina bestaat niet",
            "De pagina die je zoekt is er niet (meer). Misschien is het adres verkeerd getypt, of is de pagina verplaatst.",
            List.of(Way.HOME, Way.AGENDA)),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden", "Hier heb je geen toegang toe",
            "Deze pagina is er voor leden met een andere rol. Ben je met een ander account ingelogd? Ga dan terug en log opnieuw in.",
            List.of(Way.HOME, Way.AGENDA)),
    TOO_MANY(HttpStatus.TOO_MANY_REQUESTS, "tooMany", "Even rustig aan",
            "Vanaf jouw adres kwamen veel verzoeken tegelijk binnen. Wacht een minuut en probeer het dan opnieuw.",
            List.of(Way.HOME)),
    SERVER_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "serverError", "Er ging iets mis",
            "Aan onze kant ging iets mis. Wat je al had opgeslagen, blijft bewaard. Probeer het zo opnieuw.",
            List.of(Way.HOME, Way.AGENDA)),
    UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Even niet beschikbaar",
            "Dit deel van MBO Connect is even niet bereikbaar. Probeer het over een paar minuten opnieuw.",
            List.of(Way.HOME, Way.AGENDA)),
    FORM_EXPIRED(HttpStatus.FORBIDDEN, "formExpired", "Dit formulier is verlopen",
            "Je was een tijd weg of bent intussen uitgelogd, dus we konden niet nagaan dat dit verzoek van jou kwam. Er is niets gewijzigd. Laad de pagina opnieuw en probeer het nog eens.",
            List.of(Way.HOME, Way.SIGN_IN)),
    SIGN_IN_FAILED(HttpStatus.OK, "signInFailed", "Inloggen is niet gelukt",
            "Het inloggen is afgebroken of mislukt. Je bent niet ingelogd. Je kunt het opnieuw proberen.",
            List.of(Way.SIGN_IN, Way.HOME));

    /** A way on from the page. */
    enum Way {
        HOME("/", "error.home", "Naar de startpagina"),
        AGENDA("/agenda", "error.agenda", "Naar de agenda"),
        SIGN_IN("/oauth2/authorization/keycloak", "error.signIn", "Opnieuw inloggen");

        final String href;
        final String key;
        final String dutch;

        Way(String href, String key, String dutch) {
            this.href = href;
            this.key = key;
            this.dutch = dutch;
        }
    }

    final HttpStatus status;
    final String key;
    final String title;
    final String text;
    final List<Way> ways;

    ErrorPage(HttpStatus status, String key, String title, String text, List<Way> ways) {
        this.status = status;
        this.key = key;
        this.title = title;
        this.text = text;
        this.ways = ways;
    }

    static ErrorPage of(HttpStatus status) {
        return switch (status) {
            case NOT_FOUND, METHOD_NOT_ALLOWED -> NOT_FOUND;
            case FORBIDDEN, UNAUTHORIZED -> FORBIDDEN;
            case TOO_MANY_REQUESTS -> TOO_MANY;
            case SERVICE_UNAVAILABLE, BAD_GATEWAY, GATEWAY_TIMEOUT -> UNAVAILABLE;
            default -> SERVER_ERROR;
        };
    }

    /** The page's part of the shell: its heading, text and ways on, each text keyed for translation. */
    String content() {
        StringBuilder html = new StringBuilder("<div id=\"page\"><section class=\"error-page\" aria-labelledby=\"error-title\""
                + " data-title-key=\"error." + key + ".title\">")
                .append("<h1 id=\"error-title\" data-i18n=\"error.").append(key).append(".title\">").append(title)
                .append("</h1><p data-i18n=\"error.").append(key).append(".text\">").append(text)
                .append("</p><ul class=\"error-ways\">");
        for (Way way : ways) {
            html.append("<li><a href=\"").append(way.href).append("\" data-i18n=\"").append(way.key).append("\">")
                    .append(way.dutch).append("</a></li>");
        }
        return html.append("</ul></section></div>").toString();
    }
}
