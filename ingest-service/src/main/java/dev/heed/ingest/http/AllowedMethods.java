package dev.heed.ingest.http;

import io.javalin.event.HandlerMetaInfo;
import io.javalin.http.HandlerType;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The methods each path answers, from the routes Javalin registered: what an {@code Allow} header says when a
 * request uses another method (405) or asks with OPTIONS. A GET route answers HEAD too (Javalin serves it),
 * and every known path answers OPTIONS. Paths are matched exactly, as this service's routes have no
 * parameters; a trailing slash is ignored, as Javalin ignores it.
 */
final class AllowedMethods {
    private static final List<String> ORDER = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

    private final List<HandlerMetaInfo> routes;

    /** @param routes the registered routes; read at each call, so it may still fill while the server starts */
    AllowedMethods(List<HandlerMetaInfo> routes) {
        this.routes = routes;
    }

    /** The {@code Allow} value for {@code path}, or empty when no route serves it with any method. */
    Optional<String> of(String path) {
        String wanted = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<String> methods = routes.stream()
                .filter(route -> route.getHttpMethod().isHttpMethod() && route.getPath().equals(wanted))
                .map(route -> route.getHttpMethod().name())
                .toList();
        if (methods.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(ORDER.stream()
                .filter(method -> methods.contains(method) || "OPTIONS".equals(method)
                        || ("HEAD".equals(method) && methods.contains(HandlerType.GET.name())))
                .collect(Collectors.joining(", ")));
    }
}
