package dev.heed.routing.http;

/** A complaint query came without a valid bearer token; answered with 401 and {@code WWW-Authenticate}. */
final class UnauthorizedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnauthorizedException(String message) {
        super(message, null, false, false);
    }
}
