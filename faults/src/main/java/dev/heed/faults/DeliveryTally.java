package dev.heed.faults;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts what a receiver got, as a receiver that drops repeats by message id ({@code webhook-id} for a webhook,
 * {@code Message-ID} for an e-mail) would act on it: how many messages, how many distinct ids, how many repeats
 * and whether each repeat is the first delivery again (same recipient, same content), and whether any one message
 * (kind and feedback) came under two different ids, which deduplication by id could not catch. One channel's
 * deliveries at a time (a webhook and an e-mail of one message are two messages). Pure: no clock, no I/O.
 */
public final class DeliveryTally {

    private DeliveryTally() {}

    public static DeliveryCounts count(List<Delivery> deliveries) {
        List<Delivery> inOrder = new ArrayList<>(deliveries);
        inOrder.sort(Comparator.comparing(Delivery::receivedAt));
        Map<String, Delivery> firstById = new LinkedHashMap<>();
        Map<String, Integer> timesById = new HashMap<>();
        Map<String, Set<String>> idsByKey = new HashMap<>();
        Map<String, Integer> differing = new TreeMap<>();
        int identical = 0;
        int badSignatures = 0;
        Duration longestGap = Duration.ZERO;
        for (int i = 0; i < inOrder.size(); i++) {
            Delivery d = inOrder.get(i);
            if (i > 0) {
                Duration gap = Duration.between(inOrder.get(i - 1).receivedAt(), d.receivedAt());
                longestGap = gap.compareTo(longestGap) > 0 ? gap : longestGap;
            }
            if (!d.signatureValid()) {
                badSignatures++;
            }
            timesById.merge(d.messageId(), 1, Integer::sum);
            idsByKey.computeIfAbsent(d.key(), k -> new HashSet<>()).add(d.messageId());
            Delivery first = firstById.putIfAbsent(d.messageId(), d);
            if (first != null) {
                Set<String> fields = differingFields(first, d);
                if (fields.isEmpty()) {
                    identical++;
                } else {
                    fields.forEach(f -> differing.merge(f, 1, Integer::sum));
                }
            }
        }
        int repeatedIds = (int) timesById.values().stream().filter(n -> n > 1).count();
        int underSeveral = idsByKey.values().stream().mapToInt(ids -> ids.size() - 1).sum();
        return new DeliveryCounts(inOrder.size(), firstById.size(), repeatedIds, inOrder.size() - firstById.size(), identical,
                differing, badSignatures, underSeveral, longestGap);
    }

    /** The expected ids that no request carried: messages lost on their way to the receiver. */
    public static Set<String> missing(Set<String> expectedIds, List<Delivery> deliveries) {
        Set<String> missing = new TreeSet<>(expectedIds);
        deliveries.forEach(d -> missing.remove(d.messageId()));
        return missing;
    }

    private static Set<String> differingFields(Delivery first, Delivery repeat) {
        Set<String> fields = new TreeSet<>();
        if (!first.recipient().equals(repeat.recipient())) {
            fields.add("recipient");
        }
        Set<String> names = new HashSet<>(first.fields().keySet());
        names.addAll(repeat.fields().keySet());
        for (String name : names) {
            if (!java.util.Objects.equals(first.fields().get(name), repeat.fields().get(name))) {
                fields.add(name);
            }
        }
        return fields;
    }
}
