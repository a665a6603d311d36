package dev.heed.ingest.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.heed.ingest.intake.Accepted;
import dev.heed.ingest.intake.Outcome;
import dev.heed.ingest.problem.Problem;
import java.util.List;

/**
 * The answer to a batch, one result per item in request order (REST-Proxy style): the item's status,
 * and either where it was stored or the problem that refused it.
 */
public record BatchResult(int accepted, int refused, List<Item> results) {

    /** One item's result; {@code index} is its position in the request. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, int status, @JsonUnwrapped Accepted accepted, Problem problem) {}

    static BatchResult of(List<Outcome> outcomes) {
        var items = new java.util.ArrayList<Item>(outcomes.size());
        int accepted = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            accepted += outcome.accepted() != null ? 1 : 0;
            items.add(new Item(i, outcome.status(), outcome.accepted(), outcome.problem()));
        }
        return new BatchResult(accepted, outcomes.size() - accepted, items);
    }
}
