package dev.heed.responder.reply;

import dev.heed.events.ComplaintUpdated;
import dev.heed.runtime.auth.VerdictLinks;
import java.time.Duration;

/**
 * The question a resolution asks its customer, how did we do: a link to ingest's verdict endpoint for the complaint and
 * the resolving update, signed with {@code HEED_VERDICT_SECRET} and valid for {@code ttl} from the resolution's own time.
 * Counted from the update's time rather than the clock, so a message sent again (a retry, a restart) carries the same link.
 *
 * @param baseUrl ingest's public base URL
 */
public record VerdictQuestion(VerdictLinks links, String baseUrl, Duration ttl) {

    /** The link of a resolving update. */
    public String link(ComplaintUpdated resolution) {
        return links.link(baseUrl, resolution.getComplaintId(), resolution.getUpdateId(), resolution.getUpdatedAt().plus(ttl));
    }
}
