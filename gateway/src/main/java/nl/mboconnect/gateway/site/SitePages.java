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

    static final Map<String, Page> PAGES = Map.of(
            "/agenda", new Page("Agenda", "/js/events/agenda.js"),
            "/agenda/{id}", new Page("Bijeenkomst", "/js/events/event.js"),
            "/mijn-aanmeldingen", new Page("Mijn aanmeldingen", "/js/events/mine.js"),
            "/organiseren", new Page("Organiseren", "/js/events/organise.js"),
            "/organiseren/nieuw", new Page("Nieuwe bijeenkomst", "/js/events/event-form.js"),
            "/organiseren/{id}/bewerken", new Page("Bijeenkomst bewerken", "/js/events/event-form.js"),
            "/organiseren/{id}/deelnemers", new Page("Deelnemers", "/js/events/attendees.js"));

    @Bean
    RouterFunction<ServerResponse> pageRoutes(WebProperties web, ResourceLoader resources) {
        Resource shell = shell(web, resources);
        // read once from the jar; read at every request from a folder, where someone is editing it
        Mono<String> content = shell.isFile()
                ? Mono.fromCallable(() -> read(shell)).subscribeOn(Schedulers.boundedElastic())
                : Mono.just(read(shell));
        RouterFunctions.Builder routes = RouterFunctions.route();
        PAGES.forEach((path, page) -> routes.route(GET(path), request -> content.map(html -> html(html, page))
                .flatMap(html -> ServerResponse.ok().contentType(new MediaType(MediaType.TEXT_HTML, StandardCharsets.UTF_8))
                        .cacheControl(CacheControl.noCache()).bodyValue(html))));
        return routes.build();
    }

    static String html(String shell, Page page) {
        return shell.replace("{{title}}", page.title()).replace("{{script}}", page.script());
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
