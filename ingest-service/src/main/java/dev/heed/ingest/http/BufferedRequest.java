package dev.heed.ingest.http;

import java.nio.ByteBuffer;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.content.ByteBufferContentSource;
import org.eclipse.jetty.server.Request;

/**
 * A request whose body was read already: the routes read it from memory, at once, whatever the client's pace.
 * Everything else (headers, attributes, the connection) is the original request's.
 */
final class BufferedRequest extends Request.Wrapper {
    private final ByteBufferContentSource content;

    BufferedRequest(Request request, byte[] body, int length) {
        super(request);
        this.content = new ByteBufferContentSource(ByteBuffer.wrap(body, 0, length));
    }

    @Override
    public Content.Chunk read() {
        return content.read();
    }

    @Override
    public void demand(Runnable demandCallback) {
        content.demand(demandCallback);
    }
}
