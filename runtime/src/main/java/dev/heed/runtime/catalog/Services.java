package dev.heed.runtime.catalog;

import java.util.List;

/** The three Heed services, in the order the local run starts them (the consumers of a topic before its producer). */
public final class Services {
    public static final ServiceDescriptor ROUTING = new ServiceDescriptor("routing-service", "routing-service",
            "dev.heed.routing.app.RoutingApplication", "classifies feedback, escalates complaints and runs their SLA clocks",
            RoutingSettings.DECLARED, List.of());
    public static final ServiceDescriptor RESPONDER = new ServiceDescriptor("responder-service", "responder-service",
            "dev.heed.responder.ResponderApplication",
            "answers customers, notifies agents, takes acknowledgements and serves the operator console",
            ResponderSettings.DECLARED, ResponderSettings.PATTERNS);
    public static final ServiceDescriptor INGEST = new ServiceDescriptor("ingest-service", "ingest-service",
            "dev.heed.ingest.IngestApplication", "takes feedback over HTTP and writes it to `feedback.received`",
            IngestSettings.DECLARED, List.of());

    public static final List<ServiceDescriptor> ALL = List.of(ROUTING, RESPONDER, INGEST);

    private Services() {}
}
