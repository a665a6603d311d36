package dev.heed.routing.topology.processor;

import dev.heed.events.ComplaintUpdated;
import dev.heed.events.ProblemAction;
import dev.heed.events.ProblemUpdated;
import dev.heed.events.UpdateAction;
import dev.heed.routing.deadletter.RefusedRecordException;
import dev.heed.routing.problem.ProblemLinks;
import dev.heed.routing.topology.store.StoreNames;
import java.time.Instant;
import org.apache.kafka.streams.processor.api.ContextualProcessor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps every known problem (keyed by the problem id, from {@code problems.updated}) in {@code problem-links-store} and
 * applies its links, unlinks and resolution ({@link ProblemLinks}). Each fix it owes a complaint goes out as a
 * {@link ComplaintUpdated} with action RESOLVE, the problem's message and agent and the update id
 * {@code fix:<problem>:<complaint>}, keyed by the complaint id (to {@code problems.fixes}), where the complaint's clock
 * decides whether the complaint is still open. Under exactly_once_v2 the store change and the fixes commit together:
 * one fix per linked complaint, also across restarts.
 *
 * <p>An action it cannot apply (no complaint id on a link or unlink, no message on a resolution, a key other than its
 * problem id) is dead-lettered with reason {@value #PROBLEM_INVALID}; an action this version does not know is logged and
 * skipped.
 */
public final class ProblemLinksProcessor extends ContextualProcessor<String, ProblemUpdated, String, ComplaintUpdated> {

    /** The dead-letter reason of a problem action that cannot be applied. */
    public static final String PROBLEM_INVALID = "PROBLEM_INVALID";

    private static final Logger LOG = LoggerFactory.getLogger(ProblemLinksProcessor.class);

    private KeyValueStore<String, ProblemLinks> store;

    @Override
    public void init(ProcessorContext<String, ComplaintUpdated> context) {
        super.init(context);
        store = context.getStateStore(StoreNames.PROBLEM_LINKS);
    }

    @Override
    public void process(Record<String, ProblemUpdated> record) {
        ProblemUpdated event = record.value();
        check(record.key(), event);
        if (event.getAction() == ProblemAction.UNKNOWN) {
            LOG.warn("problem {}: event {} has an action this version does not know; skipped", record.key(), event.getEventId());
            return;
        }
        ProblemLinks before = store.get(record.key());
        ProblemLinks links = before == null ? ProblemLinks.NONE : before;
        ProblemLinks.Step step = switch (event.getAction()) {
            case LINK -> links.link(event.getEventId(), event.getComplaintId(), event.getAt());
            case UNLINK -> links.unlink(event.getEventId(), event.getComplaintId());
            default -> links.resolve(new ProblemLinks.Resolution(event.getEventId(), event.getAt(), event.getAgent(), event.getTeam(),
                    event.getMessage()));
        };
        LOG.info("problem {}: {} {}: {}", record.key(), event.getAction(), event.getEventId(), step.outcome());
        if (step.changed(links)) {
            store.put(record.key(), step.links());
        }
        long now = context().currentSystemTimeMs();
        for (ProblemLinks.Fix fix : step.fixes()) {
            context().forward(new Record<>(fix.complaintId(), fixOf(record.key(), step.links().resolution(), fix, now), now));
        }
    }

    private static void check(String key, ProblemUpdated event) {
        String problem = "problem event " + event.getEventId() + " on " + event.getProblemId();
        if (!event.getProblemId().equals(key)) {
            throw new RefusedRecordException(PROBLEM_INVALID, problem + " is keyed " + key + ", not by its problem id");
        }
        boolean link = event.getAction() == ProblemAction.LINK || event.getAction() == ProblemAction.UNLINK;
        if (link && (event.getComplaintId() == null || event.getComplaintId().isEmpty())) {
            throw new RefusedRecordException(PROBLEM_INVALID, problem + ": a " + event.getAction() + " names no complaint");
        }
        if (event.getAction() == ProblemAction.RESOLVE && (event.getMessage() == null || event.getMessage().isEmpty())) {
            throw new RefusedRecordException(PROBLEM_INVALID, problem + ": a resolution without a message tells the customers nothing");
        }
    }

    /** The resolution of one linked complaint, at the fix's time but never after routing's clock, as every routing time. */
    private static ComplaintUpdated fixOf(String problemId, ProblemLinks.Resolution resolution, ProblemLinks.Fix fix, long now) {
        Instant at = fix.at().toEpochMilli() > now ? Instant.ofEpochMilli(now) : fix.at();
        return ComplaintUpdated.newBuilder()
                .setComplaintId(fix.complaintId())
                .setUpdateId(ProblemLinks.fixUpdateId(problemId, fix.complaintId()))
                .setUpdatedAt(at)
                .setAgent(resolution.agent())
                .setTeam(resolution.team())
                .setMessage(resolution.message())
                .setAction(UpdateAction.RESOLVE)
                .build();
    }
}
