package nl.mboconnect.systemtests;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Every page the site has, as {@link EveryPageIT} visits it: signed out and as each demo account, on
 * a phone and on a desktop. A new page is one line here. Event pages use the local run's demo events
 * ({@code events-service/src/main/resources/demo/events.json}), one for each state a page can show.
 */
enum SitePage {

    HOME("home", "/", "MBO Connect"),
    AGENDA("agenda", "/agenda", "Agenda"),
    AGENDA_MONTH("agenda-maand", "/agenda?weergave=maand", "Agenda"),
    EVENT_WITH_BREAKOUTS("bijeenkomst-deelsessies", "/agenda/{id}", "regio-vakmanschap-kennissessie", null),
    EVENT_ONLINE("bijeenkomst-webinar", "/agenda/{id}", "webinar-ai-in-de-beroepspraktijk", null),
    EVENT_FULL_WITH_WAITLIST("bijeenkomst-vol", "/agenda/{id}", "werkbezoek-bedrijfsopleidingen-maaktechniek", null),
    EVENT_FOR_LID_ONLY("bijeenkomst-leden", "/agenda/{id}", "ledenbijeenkomst-je-stem-gebruiken", null),
    EVENT_PAST("bijeenkomst-afgelopen", "/agenda/{id}", "llo-tour-noord-delfzijl", null),
    EVENT_CANCELLED("bijeenkomst-geannuleerd", "/agenda/{id}", "kennissessie-burgerschap-beroepspraktijk", null),
    EVENT_DRAFT("bijeenkomst-concept", "/agenda/{id}", "llo-tour-west-rotterdam", null),
    MY_REGISTRATIONS("mijn-aanmeldingen", "/mijn-aanmeldingen", "Mijn aanmeldingen"),
    ORGANISE("organiseren", "/organiseren", "Organiseren"),
    NEW_EVENT("organiseren-nieuw", "/organiseren/nieuw", "Nieuwe bijeenkomst"),
    EDIT_EVENT("organiseren-bewerken", "/organiseren/{id}/bewerken", "regio-vakmanschap-kennissessie", "Bijeenkomst bewerken"),
    ATTENDEES("organiseren-deelnemers", "/organiseren/{id}/deelnemers", "regio-vakmanschap-kennissessie", "Deelnemers"),
    MY_PROFILE("mijn-profiel", "/mijn-profiel", "Mijn profiel"),
    MY_DATA("mijn-gegevens", "/mijn-gegevens", "Mijn gegevens"),
    DIRECTORY("leden", "/leden", "Leden en vrienden"),
    DIRECTORY_SEARCH("leden-zoeken", "/leden?region=UTRECHT&page=0", "Leden en vrienden"),
    /** The demo account Joris Bakker's page, as each visitor sees it. */
    MEMBER("lid", "/leden/6d626f63-0000-4000-8000-000000000102", "Profiel"),
    GROUPS("groepen", "/groepen", "Groepen"),
    GROUPS_SEARCH("groepen-zoeken", "/groepen?kind=CLOSED&q=zorg", "Groepen"),
    /** The demo group "Praktijkopleiders in de zorg": closed, Noor its owner with requests waiting. */
    GROUP_CLOSED("groep-besloten", "/groepen/6d626f63-0000-4000-8000-000000000202", "Groep"),
    /** The demo group "Werkgroep jaarcongres": secret, seen by its members and by Joris (invited); a 404 text for others. */
    GROUP_SECRET("groep-geheim", "/groepen/6d626f63-0000-4000-8000-000000000204", "Groep"),
    JOIN("lid-worden", "/lid-worden", "Lid worden"),
    ADMIN_APPLICATIONS("beheer-aanvragen", "/beheer/aanvragen", "Aanvragen lidmaatschap"),
    ADMIN_MEMBERSHIPS("beheer-leden", "/beheer/leden", "Leden en lidmaatschap"),
    ADMIN_CALLBACKS("beheer-terugbelverzoeken", "/beheer/terugbelverzoeken", "Terugbelverzoeken"),
    CALLBACK("bel-mij-terug", "/bel-mij-terug", "Bel mij terug"),
    PRIVACY("privacy", "/privacy", "Privacy"),
    ACCESSIBILITY("toegankelijkheid", "/toegankelijkheid", "Toegankelijkheid"),
    CONTACT("contact", "/contact", "Contact"),
    /** Where a sign-in that failed or was cancelled at Keycloak ends. */
    SIGN_IN_FAILED("inloggen-mislukt", "/inloggen-mislukt", "Inloggen is niet gelukt"),
    /** An address the site does not have: a Dutch 404 page in the site's own shell. */
    UNKNOWN("bestaat-niet", "/bestaat-niet", "bestaat niet", 404);

    /** The file and line name: {@code <slug>-<width>.png}, {@code <slug>@<width> <visitor>: …}. */
    final String slug;
    /** The address; {@code {id}} is the demo event's id. */
    private final String address;
    /** The key of the demo event in {@code events.json} whose page this is, or null. */
    final String demoEvent;
    /** What the Dutch title says signed out (any case), or null where the content decides (an event's title). */
    final String dutchTitle;
    /** The HTTP status the page answers with. */
    final int status;

    SitePage(String slug, String address, String dutchTitle) {
        this(slug, address, null, dutchTitle, 200);
    }

    SitePage(String slug, String address, String dutchTitle, int status) {
        this(slug, address, null, dutchTitle, status);
    }

    SitePage(String slug, String address, String demoEvent, String dutchTitle) {
        this(slug, address, demoEvent, dutchTitle, 200);
    }

    SitePage(String slug, String address, String demoEvent, String dutchTitle, int status) {
        this.slug = slug;
        this.address = address;
        this.demoEvent = demoEvent;
        this.dutchTitle = dutchTitle;
        this.status = status;
    }

    String path() {
        return demoEvent == null ? address : address.replace("{id}", demoEventId(demoEvent));
    }

    /** As {@code DemoEvent.idOf} in events-service: the same id on every machine and every run. */
    static String demoEventId(String key) {
        return UUID.nameUUIDFromBytes(("demo-event:" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
