package nl.mboconnect.gateway.site;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The site's pages under readable Dutch addresses ({@code /agenda/<id>}). Every page is the same
 * shell, {@code pagina.html} (header, main, footer), with its own title and script, which reads
 * what it needs from the address: a member can bookmark and share every page, and reloading one
 * never lands on a 404. The shell comes from the site's static locations, so
 * {@code SPRING_WEB_RESOURCES_STATIC_LOCATIONS=file:gateway/src/main/resources/static/} serves
 * pages being edited without a rebuild.
 */
@Configuration(proxyBeanMethods = false)
class SitePages {

    static final String SHELL = "pagina.html";

    /** A page: its title before the script sets a better one, and its script. */
    record Page(String title, String script) {
    }

    static final Map<String, Page> PAGES = Map.ofEntries(
            Map.entry("/agenda", new Page("Agenda", "/js/events/agenda.js")),
            Map.entry("/agenda/{id}", new Page("Bijeenkomst", "/js/events/event.js")),
            Map.entry("/mijn-aanmeldingen", new Page("Mijn aanmeldingen", "/js/events/mine.js")),
            Map.entry("/organiseren", new Page("Organiseren", "/js/events/organise.js")),
            Map.entry("/organiseren/nieuw", new Page("Nieuwe bijeenkomst", "/js/events/event-form.js")),
            Map.entry("/organiseren/{id}/bewerken", new Page("Bijeenkomst bewerken", "/js/events/event-form.js")),
            Map.entry("/organiseren/{id}/deelnemers", new Page("Deelnemers", "/js/events/attendees.js")),
            Map.entry("/mijn-profiel", new Page("Mijn profiel", "/js/membership/profile.js")),
            Map.entry("/mijn-gegevens", new Page("Mijn gegevens", "/js/membership/my-data.js")),
            Map.entry("/leden", new Page("Leden en vrienden", "/js/membership/directory.js")),
            Map.entry("/leden/{id}", new Page("Profiel", "/js/membership/member.js")),
            Map.entry("/groepen", new Page("Groepen", "/js/groups/list.js")),
            Map.entry("/groepen/{id}", new Page("Groep", "/js/groups/group.js")),
            Map.entry("/lid-worden", new Page("Lid worden", "/js/membership/join.js")),
            Map.entry("/beheer/aanvragen", new Page("Aanvragen lidmaatschap", "/js/membership/applications.js")),
            Map.entry("/beheer/leden", new Page("Leden en lidmaatschap", "/js/membership/memberships.js")),
            Map.entry("/beheer/terugbelverzoeken", new Page("Terugbelverzoeken", "/js/callback/queue.js")),
            Map.entry("/bel-mij-terug", new Page("Bel mij terug", "/js/callback/request.js")),
            Map.entry("/contact", new Page("Contact", "/js/about.js")),
            Map.entry("/privacy", new Page("Privacyverklaring", "/js/about.js")),
            Map.entry("/toegankelijkheid", new Page("Toegankelijkheid", "/js/about.js")));

    /** The script of a page that is only its text (an error page, say). */
    static final String PLAIN = "/js/page.js";
    static final String LOADING = "<div id=\"page\" aria-busy=\"true\"><p class=\"loading\">Bezig met laden…</p></div>";

    @Bean
    Shell siteShell(WebProperties web, ResourceLoader resources) {
        Resource shell = shell(web, resources);
        // read once from the jar; read at every request from a folder, where someone is editing it
        return new Shell(shell.isFile() ? Mono.fromCallable(() -> read(shell)).subscribeOn(Schedulers.boundedElastic())
                : Mono.just(read(shell)));
    }

    @Bean
    RouterFunction<ServerResponse> pageRoutes(Shell shell) {
        RouterFunctions.Builder routes = RouterFunctions.route();
        PAGES.forEach((path, page) -> routes.route(GET(path), request -> shell.page(page.title(), page.script(), LOADING)
                .flatMap(html -> ServerResponse.ok().contentType(Shell.HTML).cacheControl(CacheControl.noCache())
                        .bodyValue(html))));
        ErrorPage failed = ErrorPage.SIGN_IN_FAILED;
        routes.route(GET(Navigation.SIGN_IN_FAILED), request -> shell.page(failed.title, PLAIN, failed.content())
                .flatMap(html -> ServerResponse.ok().contentType(Shell.HTML).cacheControl(CacheControl.noStore())
                        .bodyValue(html)));
        return routes.build();
    }

    /** The shell, filled in: a page's title, its script and what its main part holds before the script runs. */
    static final class Shell {

        static final MediaType HTML = new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8);

        private final Mono<String> content;

        Shell(Mono<String> content) {
            this.content = content;
        }

        Mono<String> page(String title, String script, String page) {
            return content.map(html -> html(html, title, script, page));
        }
    }

    static String html(String shell, String title, String script, String page) {
        return shell.replace("{{title}}", title).replace("{{script}}", script).replace("{{page}}", page);
    }

    /** The shell in the first static location that has it. */
    static Resource shell(WebProperties web, ResourceLoader resources) {
        for (String location : web.getResources().getStaticLocations()) {
            Resource shell = resources.getResource(location.endsWith("/") ? location + SHELL : location + "/" + SHELL);
            if (shell.exists()) {
                return shell;
            }
        }
        throw new IllegalStateException("the site has no " + SHELL);
    }

    private static String read(Resource shell) {
        try {
            return shell.getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
