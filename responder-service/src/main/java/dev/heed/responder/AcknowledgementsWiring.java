package dev.heed.responder;

import dev.heed.responder.ack.Acknowledger;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.ack.ProblemDesk;
import dev.heed.responder.ack.Updater;
import dev.heed.responder.http.AckEndpoint;
import dev.heed.responder.http.ProblemEndpoint;
import dev.heed.responder.http.UpdateEndpoint;
import dev.heed.responder.kafka.KafkaAckWriter;
import dev.heed.responder.kafka.KafkaProblemWriter;
import dev.heed.responder.kafka.KafkaUpdateWriter;
import dev.heed.runtime.auth.TokenStore;
import java.time.Clock;

/**
 * Acknowledgements and updates: the acknowledge API's endpoint, which checks the complaint against the directory and
 * writes to complaints.acknowledged, the update API's, which writes to complaints.updated, the known-problem API's, which
 * writes to problems.updated, and the tokens they (and the
 * console's sign-in) accept.
 */
final class AcknowledgementsWiring {
    private final TokenStore tokens;
    private final AckEndpoint endpoint;
    private final UpdateEndpoint updates;
    private final ProblemEndpoint problems;

    AcknowledgementsWiring(ResponderBase base, Clock clock, ComplaintDirectory directory) {
        Acknowledger acknowledger = new Acknowledger(directory,
                new KafkaAckWriter(base.producer(), base.topics().complaintsAcknowledged(), ResponderBase.WRITE_TIMEOUT), clock);
        tokens = TokenStore.parse(base.config().ackTokens());
        endpoint = new AckEndpoint(acknowledger, tokens, base.json(), clock);
        Updater updater = new Updater(directory,
                new KafkaUpdateWriter(base.producer(), base.topics().complaintsUpdated(), ResponderBase.WRITE_TIMEOUT), clock);
        updates = new UpdateEndpoint(updater, tokens, base.json(), clock);
        ProblemDesk desk = new ProblemDesk(directory,
                new KafkaProblemWriter(base.producer(), base.topics().problemsUpdated(), ResponderBase.WRITE_TIMEOUT), clock);
        problems = new ProblemEndpoint(desk, tokens, base.json());
    }

    TokenStore tokens() {
        return tokens;
    }

    AckEndpoint endpoint() {
        return endpoint;
    }

    UpdateEndpoint updates() {
        return updates;
    }

    ProblemEndpoint problems() {
        return problems;
    }
}
