package dev.heed.faults;

import java.time.Duration;
import java.util.Map;

/**
 * What a receiver (of webhooks or of e-mail) got, counted by {@link DeliveryTally}.
 *
 * @param received          messages accepted (webhooks answered 2xx, e-mails answered 250)
 * @param distinctIds       distinct message ids among them ({@code webhook-id}s, {@code Message-ID}s): what a
 *                          receiver that drops repeats acts on
 * @param repeatedIds       ids received more than once
 * @param repeats           messages beyond the first of their id ({@code received - distinctIds})
 * @param identicalRepeats  of the repeats, those with the first delivery's recipient and exactly its content's fields
 * @param differingFields   for the other repeats: each field (or {@code recipient}) that differed, and in how many
 * @param badSignatures     webhooks whose {@code webhook-signature} did not verify (e-mail is unsigned: 0)
 * @param keysUnderSeveralIds messages (kind and feedback) delivered under more than one id, counted once per id
 *                          beyond the first: what a receiver deduplicating by id would act on twice
 * @param longestGap        the longest time between two consecutive messages
 */
public record DeliveryCounts(int received, int distinctIds, int repeatedIds, int repeats, int identicalRepeats,
                             Map<String, Integer> differingFields, int badSignatures, int keysUnderSeveralIds,
                             Duration longestGap) {

    public DeliveryCounts {
        differingFields = Map.copyOf(differingFields);
    }

    @Override
    public String toString() {
        return ("received %d, distinct ids %d, repeated ids %d, repeats %d (identical %d, differing fields %s), "
                + "bad signatures %d, messages under several ids %d, longest gap %s")
                .formatted(received, distinctIds, repeatedIds, repeats, identicalRepeats, differingFields, badSignatures,
                        keysUnderSeveralIds, FaultTable.seconds(longestGap));
    }
}
