package dev.heed.responder.console;

import dev.heed.runtime.http.Problem;
import dev.heed.runtime.http.ProblemException;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.staticfiles.Location;
import java.util.Map;

/**
 * The console's HTTP routes: the pages under {@code /console/} (open, they hold no data), and under
 * {@code /console/api/} the JSON views and the event stream, which need a session cookie from
 * {@code POST /console/api/session} with an acknowledge-API bearer token; {@code DELETE} on the same path
 * signs out.
 */
public final class ConsoleRoutes {
    static final String COOKIE = "heed_console";
    private static final String API = "/console/api";

    private ConsoleRoutes() {}

    public static void register(JavalinConfig config, Console console) {
        config.staticFiles.add(files -> {
            files.hostedPath = "/console";
            files.directory = "/console";
            files.location = Location.CLASSPATH;
        });
        config.routes.get("/", ctx -> ctx.redirect("/console/index.html", HttpStatus.FOUND));
        config.routes.get("/console", ctx -> ctx.redirect("/console/index.html", HttpStatus.FOUND));
        config.routes.post(API + "/session", ctx -> signIn(ctx, console.sessions()));
        config.routes.delete(API + "/session", ctx -> signOut(ctx, console.sessions()));
        config.routes.before(API + "/*", ctx -> {
            if (!ctx.path().equals(API + "/session") && console.sessions().find(ctx.cookie(COOKIE)).isEmpty()) {
                throw new ProblemException(Problem.of(401, "unauthorized", "Sign in to the console", "no valid console session"));
            }
        });
        config.routes.before(API + "/events", ConsoleRoutes::requireEventStream);
        config.routes.get(API + "/complaints", ctx -> json(ctx, console, console.complaints()));
        config.routes.get(API + "/dashboard", ctx -> json(ctx, console, console.dashboard()));
        config.routes.get(API + "/complaints/{id}", ctx -> json(ctx, console, console.complaint(ctx.pathParam("id"))
                .orElseThrow(() -> new ProblemException(Problem.of(404, "unknown-complaint", "Not in the timeline index",
                        "no events of " + ctx.pathParam("id") + " are held (never seen, or evicted by the index bound)")))));
        config.routes.sse(API + "/events", client -> console.events().connect(client, client.ctx().cookie(COOKIE)));
    }

    private static void signIn(Context ctx, ConsoleSessions sessions) {
        String authorization = ctx.header("Authorization");
        String prefix = "Bearer ";
        String token = authorization != null && authorization.regionMatches(true, 0, prefix, 0, prefix.length())
                ? authorization.substring(prefix.length()).trim() : "";
        String session = sessions.signIn(token).orElseThrow(() -> new ProblemException(
                Problem.of(401, "unauthorized", "Authentication required", "the token is not valid"),
                Map.of("WWW-Authenticate", "Bearer realm=\"heed\"")));
        // HttpOnly keeps the id from scripts; SameSite=Strict keeps other sites from riding on it.
        ctx.header("Set-Cookie", COOKIE + "=" + session + "; Path=/console; HttpOnly; SameSite=Strict; Max-Age="
                + sessions.ttl().toSeconds());
        ctx.status(204);
    }

    /** Sign-out always succeeds: the cookie is cleared even when its session had already ended. */
    private static void signOut(Context ctx, ConsoleSessions sessions) {
        sessions.signOut(ctx.cookie(COOKIE));
        ctx.header("Set-Cookie", COOKIE + "=; Path=/console; HttpOnly; SameSite=Strict; Max-Age=0");
        ctx.status(204);
    }

    /** Javalin serves a stream only to a client that accepts one, and would answer any other with an empty 200. */
    private static void requireEventStream(Context ctx) {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            throw new ProblemException(Problem.of(406, "not-acceptable", "Only an event stream is served here",
                    "send Accept: text/event-stream (as a browser's EventSource does)"));
        }
    }

    private static void json(Context ctx, Console console, Object view) throws Exception {
        ctx.contentType("application/json").result(console.json().writeValueAsString(view));
    }
}
