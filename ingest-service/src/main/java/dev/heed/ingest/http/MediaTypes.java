package dev.heed.ingest.http;

import java.util.Locale;

/** The content types this API reads, and how a request's Content-Type header is compared with them. */
final class MediaTypes {
    static final String JSON = "application/json";
    static final String CLOUDEVENT = "application/cloudevents+json";
    static final String CLOUDEVENT_BATCH = "application/cloudevents-batch+json";

    private MediaTypes() {}

    /** The type without parameters, lower case; empty when the header is missing. */
    static String essence(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
