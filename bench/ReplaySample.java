import dev.heed.events.AckSource;
import dev.heed.events.Category;
import dev.heed.events.Channel;
import dev.heed.events.ComplaintAcknowledged;
import dev.heed.events.ComplaintEscalated;
import dev.heed.events.ComplaintUpdated;
import dev.heed.events.Customer;
import dev.heed.events.Severity;
import dev.heed.events.UpdateAction;
import dev.heed.routing.classify.CategoryLabel;
import dev.heed.routing.classify.SeverityLabel;
import dev.heed.routing.sla.BusinessCalendar;
import dev.heed.routing.sla.EscalationRule;
import dev.heed.routing.sla.PolicyBook;
import dev.heed.routing.sla.SlaClock;
import dev.heed.runtime.kafka.TopicEnsure;
import dev.heed.schemas.registry.HttpSchemaRegistryClient;
import dev.heed.schemas.topics.HeedTopics;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Writes a generated sample for {@code heed replay}: {@code count} {@code ComplaintEscalated} over the four weeks
 * before 2026-12-07T00:00Z, for about 70 % of them a {@code ComplaintAcknowledged}, and for most acknowledged ones
 * a resolution ({@code ComplaintUpdated} with {@code RESOLVE}), some of them reopened ({@code REOPEN}) and resolved
 * again, to Heed's topics under a suffix of their own ({@code .replay-sample} by default), which no service reads: nothing is classified, sent or
 * reminded. Generated, not customer data: anonymous customers, placeholder texts, made-up agents.
 *
 * <p>The model, seeded so every run writes the same events: complaints arrive mostly in Berlin's daytime, fewer at
 * weekends; severities 5 % critical, 20 % high, 45 % medium, 30 % low; agents work Monday to Friday 08:00-18:00
 * Berlin time and acknowledge 70 % of complaints after an exponentially distributed amount of their working time
 * (mean 20 minutes for critical, 45 for high, 2 hours for medium, 5 for low); the other 30 % are never acknowledged.
 * Of the acknowledged complaints agents resolve 90 % after a further exponentially distributed amount of working time
 * (mean 2 hours for critical, 6 for high, 14 for medium, 25 for low); 6 % of the resolutions are reopened one to
 * four days later (the customer came back), and 70 % of those are resolved again (the same means). Resolutions and
 * reopenings are drawn from a random number generator of their own, so the escalations and acknowledgements are the
 * ones the sample wrote before it had resolutions. An event that would fall after 2026-12-07T00:00Z is not written
 * (it has not happened yet). The fields routing derives (queue, policy, due times) are what routing's default
 * policies give.
 *
 * <pre>java -cp "heed-cli/target/classes:$(cat heed-cli/target/classpath.txt)" bench/ReplaySample.java \
 *     [bootstrap 127.0.0.1:29092] [registry http://127.0.0.1:28081/apis/ccompat/v7] [suffix .replay-sample] [count 1000]</pre>
 */
public final class ReplaySample {

    static final Instant END = Instant.parse("2026-12-07T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(28));
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    // Relative arrivals per local hour 00..23.
    static final int[] HOURLY = {1, 1, 1, 1, 1, 2, 3, 5, 8, 10, 10, 10, 9, 9, 9, 9, 8, 7, 6, 5, 4, 3, 2, 1};
    static final SeverityLabel[] SEVERITIES = {SeverityLabel.CRITICAL, SeverityLabel.HIGH, SeverityLabel.MEDIUM, SeverityLabel.LOW};
    static final double[] SEVERITY_SHARE = {0.05, 0.20, 0.45, 0.30};
    static final Duration[] MEAN_ACK = {Duration.ofMinutes(20), Duration.ofMinutes(45), Duration.ofHours(2), Duration.ofHours(5)};
    static final Duration[] MEAN_RESOLVE = {Duration.ofHours(2), Duration.ofHours(6), Duration.ofHours(14), Duration.ofHours(25)};
    static final Channel[] CHANNELS = {Channel.WEB, Channel.EMAIL, Channel.CHAT, Channel.PHONE, Channel.SOCIAL, Channel.REVIEW};

    public static void main(String[] args) throws Exception {
        String bootstrap = args.length > 0 ? args[0] : "127.0.0.1:29092";
        String registry = args.length > 1 ? args[1] : "http://127.0.0.1:28081/apis/ccompat/v7";
        String suffix = args.length > 2 ? args[2] : ".replay-sample";
        int count = args.length > 3 ? Integer.parseInt(args[3]) : 1000;

        HeedTopics topics = HeedTopics.create(new HttpSchemaRegistryClient(registry), true, HeedTopics.DEFAULT_PARTITIONS, suffix);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", bootstrap))) {
            TopicEnsure.createMissing(admin, List.of(topics.complaintsEscalated().spec(), topics.complaintsAcknowledged().spec(),
                    topics.complaintsUpdated().spec()), (short) 1, Duration.ofSeconds(30));
        }
        Random random = new Random(21);
        Random later = new Random(2112);
        BusinessCalendar agents = BusinessCalendar.parse("agents", BERLIN, "Mon-Fri 08:00-18:00", List.of());
        EscalationRule rule = new EscalationRule(PolicyBook.defaults());
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        int acks = 0;
        int[] updates = new int[2]; // resolutions, reopenings
        try (var escalations = new KafkaProducer<>(config, topics.complaintsEscalated().keySerde().serializer(),
                topics.complaintsEscalated().valueSerde().serializer());
             var acknowledgements = new KafkaProducer<>(config, topics.complaintsAcknowledged().keySerde().serializer(),
                     topics.complaintsAcknowledged().valueSerde().serializer());
             var updated = new KafkaProducer<>(config, topics.complaintsUpdated().keySerde().serializer(),
                     topics.complaintsUpdated().valueSerde().serializer())) {
            for (int n = 1; n <= count; n++) {
                String id = String.format("sample-%04d", n);
                Instant received = arrival(random);
                int s = pick(random, SEVERITY_SHARE);
                CategoryLabel category = CategoryLabel.values()[random.nextInt(CategoryLabel.values().length)];
                Channel channel = CHANNELS[random.nextInt(CHANNELS.length)];
                EscalationRule.Assignment a = rule.assign(id, Optional.of(SEVERITIES[s]), channel.name(), List.of(category), received);
                SlaClock clock = a.clock();
                escalations.send(new ProducerRecord<>(topics.complaintsEscalated().name(), id, ComplaintEscalated.newBuilder()
                        .setComplaintId(id).setEscalatedAt(received.plusSeconds(2)).setReceivedAt(received)
                        .setSeverity(Severity.valueOf(SEVERITIES[s].name())).setQueue(a.queue())
                        .setCategories(List.of(Category.valueOf(category.name())))
                        .setReasons(List.of("generated sample"))
                        .setPolicyName(clock.policy().name()).setPolicyVersion(clock.policy().version())
                        .setFirstResponseDueAt(clock.breachAt()).setWarningsAt(clock.warningsAt())
                        .setRepeatEveryMillis(clock.policy().repeatEvery().toMillis())
                        .setSourceSystem("replay-sample").setChannel(channel).setCustomer(Customer.newBuilder().build())
                        .setText("Generated sample complaint " + id + " (bench/ReplaySample.java)")
                        .build()));
                boolean acknowledged = random.nextDouble() < 0.70;
                double work = -Math.log(1 - random.nextDouble()) * MEAN_ACK[s].toMillis();
                Instant ackAt = agents.plus(received, Duration.ofMillis(Math.round(work)));
                if (acknowledged && ackAt.isBefore(END)) {
                    acks++;
                    acknowledgements.send(new ProducerRecord<>(topics.complaintsAcknowledged().name(), id,
                            ComplaintAcknowledged.newBuilder().setComplaintId(id).setAcknowledgementId("ack-" + id)
                                    .setAcknowledgedAt(ackAt).setAgent("sample-agent-" + (1 + random.nextInt(8)))
                                    .setSource(AckSource.API).build()));
                    for (ComplaintUpdated u : resolutions(later, agents, id, ackAt, MEAN_RESOLVE[s])) {
                        updates[u.getAction() == UpdateAction.RESOLVE ? 0 : 1]++;
                        updated.send(new ProducerRecord<>(topics.complaintsUpdated().name(), id, u));
                    }
                }
            }
            escalations.flush();
            acknowledgements.flush();
            updated.flush();
        }
        System.out.printf("wrote %d escalations to %s, %d acknowledgements to %s, %d resolutions and %d reopenings to %s%n",
                count, topics.complaintsEscalated().name(), acks, topics.complaintsAcknowledged().name(), updates[0], updates[1],
                topics.complaintsUpdated().name());
    }

    /**
     * What became of an acknowledged complaint by {@link #END}: resolved (90 %) after an exponentially distributed
     * amount of the agents' working time with the given mean; a resolution reopened (6 %) one to four days later and
     * resolved again (70 %). Updates after the end are left out, and so is everything after them.
     */
    static List<ComplaintUpdated> resolutions(Random random, BusinessCalendar agents, String id, Instant ackAt, Duration mean) {
        List<ComplaintUpdated> out = new java.util.ArrayList<>();
        if (random.nextDouble() >= 0.90) {
            return out;
        }
        Instant resolvedAt = agents.plus(ackAt, exponential(random, mean));
        if (!resolvedAt.isBefore(END)) {
            return out;
        }
        out.add(update(id, "resolve-1", resolvedAt, UpdateAction.RESOLVE, random));
        if (random.nextDouble() >= 0.06) {
            return out;
        }
        Instant reopenedAt = resolvedAt.plus(Duration.ofMinutes(60 * 24 + random.nextInt(3 * 24 * 60)));
        if (!reopenedAt.isBefore(END)) {
            return out;
        }
        out.add(update(id, "reopen-1", reopenedAt, UpdateAction.REOPEN, random));
        if (random.nextDouble() < 0.70) {
            Instant again = agents.plus(reopenedAt, exponential(random, mean));
            if (again.isBefore(END)) {
                out.add(update(id, "resolve-2", again, UpdateAction.RESOLVE, random));
            }
        }
        return out;
    }

    static ComplaintUpdated update(String id, String n, Instant at, UpdateAction action, Random random) {
        return ComplaintUpdated.newBuilder().setComplaintId(id).setUpdateId(n + "-" + id).setUpdatedAt(at)
                .setAgent("sample-agent-" + (1 + random.nextInt(8))).setAction(action)
                .setMessage(action == UpdateAction.RESOLVE ? "Generated sample resolution" : "Generated sample reopening")
                .build();
    }

    static Duration exponential(Random random, Duration mean) {
        return Duration.ofMillis(Math.round(-Math.log(1 - random.nextDouble()) * mean.toMillis()));
    }

    /** A day of the four weeks, weekends at 60 %, then an hour by {@link #HOURLY} in Berlin time. */
    static Instant arrival(Random random) {
        while (true) {
            ZonedDateTime day = START.atZone(BERLIN).plusDays(random.nextInt(28)).withHour(0).withMinute(0).withSecond(0);
            boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
            if (weekend && random.nextDouble() > 0.6) {
                continue;
            }
            double total = java.util.Arrays.stream(HOURLY).sum();
            double[] share = new double[24];
            for (int h = 0; h < 24; h++) {
                share[h] = HOURLY[h] / total;
            }
            Instant at = day.plusHours(pick(random, share)).plusSeconds(random.nextInt(3600)).toInstant();
            if (!at.isBefore(START) && at.isBefore(END)) {
                return at;
            }
        }
    }

    static int pick(Random random, double[] shares) {
        double r = random.nextDouble();
        double sum = 0;
        for (int i = 0; i < shares.length; i++) {
            sum += shares[i];
            if (r < sum) {
                return i;
            }
        }
        return shares.length - 1;
    }
}
