package dev.heed.responder;

import dev.heed.responder.ack.Acknowledger;
import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.http.AckEndpoint;
import dev.heed.responder.kafka.KafkaAckWriter;
import dev.heed.runtime.auth.TokenStore;
import java.time.Clock;

/**
 * Acknowledgements: the acknowledge API's endpoint, which checks the complaint against the directory and
 * writes to complaints.acknowledged, and the tokens it (and the console's sign-in) accepts.
 */
final class AcknowledgementsWiring {
    private final TokenStore tokens;
    private final AckEndpoint endpoint;

    AcknowledgementsWiring(ResponderBase base, Clock clock, ComplaintDirectory directory) {
        Acknowledger acknowledger = new Acknowledger(directory,
                new KafkaAckWriter(base.producer(), base.topics().complaintsAcknowledged(), ResponderBase.WRITE_TIMEOUT), clock);
        tokens = TokenStore.parse(base.config().ackTokens());
        endpoint = new AckEndpoint(acknowledger, tokens, base.json(), clock);
    }

    TokenStore tokens() {
        return tokens;
    }

    AckEndpoint endpoint() {
        return endpoint;
    }
}
