package dev.heed.faults;

import java.time.Duration;
import java.util.Map;

/**
 * What a webhook receiver got, counted by {@link DeliveryTally}.
 *
 * @param received          requests answered 2xx
 * @param distinctIds       distinct {@code webhook-id}s among them: what a receiver that drops repeats acts on
 * @param repeatedIds       ids received more than once
 * @param repeats           requests beyond the first of their id ({@code received - distinctIds})
 * @param identicalRepeats  of the repeats, those with the first delivery's recipient and exactly its body fields
 * @param differingFields   for the other repeats: each field (or {@code recipient}) that differed, and in how many
 * @param badSignatures     requests whose {@code webhook-signature} did not verify
 * @param keysUnderSeveralIds messages (kind and feedback) delivered under more than one id, counted once per id
 *                          beyond the first: what a receiver deduplicating by id would act on twice
 * @param longestGap        the longest time between two consecutive requests
 */
public record DeliveryCounts(int received, int distinctIds, int repeatedIds, int repeats, int identicalRepeats,
                             Map<String, Integer> differingFields, int badSignatures, int keysUnderSeveralIds,
                             Duration longestGap) {

    public DeliveryCounts {
        differingFields = Map.copyOf(differingFields);
    }

    @Override
    public String toString() {
        return ("received %d, distinct webhook-ids %d, repeated ids %d, repeats %d (identical %d, differing fields %s), "
                + "bad signatures %d, messages under several ids %d, longest gap %s")
                .formatted(received, distinctIds, repeatedIds, repeats, identicalRepeats, differingFields, badSignatures,
                        keysUnderSeveralIds, FaultTable.seconds(longestGap));
    }
}
