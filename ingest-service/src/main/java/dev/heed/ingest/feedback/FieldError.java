package dev.heed.ingest.feedback;

/**
 * One thing wrong with a request, named by a JSON Pointer into the request body (RFC 6901), or by a
 * header name for problems with headers ({@code header:Idempotency-Key}).
 *
 * @param semantic false when the request does not match the API's schema (400), true when it matches
 *                 but cannot be accepted as stated, such as a time in the future (422)
 */
public record FieldError(String pointer, String detail, boolean semantic) {
    public static FieldError invalid(String pointer, String detail) {
        return new FieldError(pointer, detail, false);
    }

    public static FieldError unacceptable(String pointer, String detail) {
        return new FieldError(pointer, detail, true);
    }
}
