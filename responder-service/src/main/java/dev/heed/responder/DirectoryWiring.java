package dev.heed.responder;

import dev.heed.responder.ack.ComplaintDirectory;
import dev.heed.responder.kafka.TopicTailer;
import dev.heed.responder.kafka.Views;
import java.util.concurrent.CompletableFuture;

/**
 * The complaint directory (escalations, states, acknowledgements) that replies, acknowledgements and the
 * console read, kept current by a tailer of its topics.
 */
final class DirectoryWiring implements AutoCloseable {
    private final ComplaintDirectory directory = new ComplaintDirectory();
    private final TopicTailer tailer;
    private final CompletableFuture<Void> caughtUp;

    DirectoryWiring(ResponderBase base) {
        tailer = new TopicTailer("complaints", base.clients().tailConsumer(base.clientId("directory")),
                Views.directoryTopics(base.topics()), Views.directory(base.topics(), directory)).start();
        caughtUp = tailer.caughtUp();
    }

    ComplaintDirectory directory() {
        return directory;
    }

    /** Whether the directory has read what its topics held at start-up. */
    boolean ready() {
        return caughtUp.isDone() && !caughtUp.isCompletedExceptionally();
    }

    @Override
    public void close() throws InterruptedException {
        tailer.close();
    }
}
