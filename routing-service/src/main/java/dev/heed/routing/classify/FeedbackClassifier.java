package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Heed's feedback classifier: rules and word lists fused with a small trained linear model; no network.
 * Built once per process with {@link #loadDefault()}; immutable and safe to share between threads.
 *
 * <p>Per text: tokenize once ({@link Tokenizer} also normalises handles, links, entities, hashtags and
 * drawn-out words); check the language ({@link LanguageCheck}) and send empty or non-English text to triage
 * without guessing; score sentiment with the rules ({@link SentimentScorer}); find the evidence of a problem
 * ({@link ComplaintSignals}); let the model ({@link LinearModel}) weigh words, word pairs and character
 * n-grams together with the rules' scores into the probabilities of negative, neutral and positive; shift them
 * by a star rating when there is one; find categories, intents and how long the customer waited; grade
 * severity; and decide escalation ({@link EscalationDecision}).
 */
public final class FeedbackClassifier implements Classifier {

    /** Rules, word lists and model version stamped on every classification. */
    public static final String VERSION = "heed-2.8+lr-2+vader-3.3.2";
    /** The rules' scores the model reads beside the hashed features, in {@link ModelInput#dense()} order. */
    public static final List<String> DENSE_FEATURES = List.of("rules", "rules-negative", "complaint");
    /** The shipped model's resource next to this class. */
    public static final String MODEL_RESOURCE = "sentiment-model.bin";
    /** Hashed feature buckets of a model trained for this classifier: {@code 2^MODEL_BITS}. */
    public static final int MODEL_BITS = 18;
    /** How far one star from the middle moves the log-odds of positive against negative. */
    static final double RATING_LOG_ODDS = 0.9;
    /**
     * How much more likely than the model says a complaint is when the text states something of the writer's own or
     * to someone, rather than asking or passing a post on ({@link MessageForm}): the model was trained with its three
     * classes weighted alike, as if one text in three were negative; feedback sent to a company that states
     * something is taken to be a complaint as often as not, which doubles the odds of negative against each other
     * class (2.8).
     */
    static final double STATEMENT_LOG_ODDS = Math.log(2);
    /** Evidence items a short text usually gets; sized once rather than grown. */
    private static final int EXPECTED_EVIDENCE = 32;

    /**
     * Feature buffers of up to this many tokens' worth are kept per thread and reused: the model reads the
     * features once and drops them, and a fresh buffer was a fifth of all the bytes a text allocated. A longer
     * text gets a buffer of its own, so a thread does not keep a huge one.
     */
    private static final int REUSED_FEATURES = 4096;
    private static final ThreadLocal<HashedFeatures.Buffer> FEATURES =
            ThreadLocal.withInitial(() -> new HashedFeatures.Buffer(REUSED_FEATURES));

    private final Lexicon lexicon;
    private final Tokenizer tokenizer;
    private final LanguageCheck languageCheck;
    private final SentimentScorer scorer;
    private final ComplaintSignals complaints;
    private final HashedFeatures hashed;
    private final LinearModel model;
    private final CategoryDetector categories;
    private final IntentDetector intents;
    private final WaitDuration waits = new WaitDuration();
    private final SeverityPolicy severity = new SeverityPolicy();

    private FeedbackClassifier(Lexicon lexicon, LinearModel model) {
        this.lexicon = lexicon;
        this.languageCheck = LanguageCheck.load(lexicon);
        this.scorer = new SentimentScorer(lexicon);
        this.complaints = ComplaintSignals.load(lexicon);
        this.hashed = new HashedFeatures(model.bits(), lexicon);
        if (!model.denseNames().equals(DENSE_FEATURES)) {
            throw new IllegalArgumentException("the model reads " + model.denseNames() + ", this classifier gives "
                    + DENSE_FEATURES + ": retrain it");
        }
        this.model = model;
        this.categories = CategoryDetector.loadDefault();
        this.intents = IntentDetector.loadDefault();
        Vocabulary vocabulary = new Vocabulary(lexicon, languageCheck.functionWords(), List.of(lexicon.phrases(),
                categories.phrases(), intents.phrases(), complaints.phrases()), flaggedWords());
        this.tokenizer = new Tokenizer(lexicon.emoticons(), lexicon::knows, vocabulary);
    }

    /** The words some rule recognises by a flag rather than a list of its own ({@link Word}). */
    private static Map<String, Integer> flaggedWords() {
        Map<String, Integer> flags = new HashMap<>();
        HashedFeatures.CALENDAR_WORDS.forEach(w -> flags.merge(w, Word.CALENDAR, (a, b) -> a | b));
        ComplaintSignals.FIRST_PERSON.forEach(w -> flags.merge(w, Word.FIRST_PERSON, (a, b) -> a | b));
        ComplaintSignals.SECOND_PERSON.forEach(w -> flags.merge(w, Word.SECOND_PERSON, (a, b) -> a | b));
        WaitDuration.AMOUNTS.keySet().forEach(w -> flags.merge(w, Word.AMOUNT, (a, b) -> a | b));
        Irony.THANKS.forEach(w -> flags.merge(w, Word.THANKS, (a, b) -> a | b));
        Irony.REMEDIED.forEach(w -> flags.merge(w, Word.REMEDIED, (a, b) -> a | b));
        Mismatch.ASKED.forEach(w -> flags.merge(w, Word.ASKED, (a, b) -> a | b));
        Mismatch.ASKED_FOR.forEach(w -> flags.merge(w, Word.ASKED_FOR, (a, b) -> a | b));
        return flags;
    }

    /** Loads the word lists and the model shipped with this module. Costs a few hundred milliseconds: do it once. */
    public static FeedbackClassifier loadDefault() {
        return new FeedbackClassifier(Lexicon.loadDefault(), LinearModel.resource(MODEL_RESOURCE));
    }

    /** The shipped word lists with another model (the training tool measures candidates this way). */
    public static FeedbackClassifier withModel(LinearModel model) {
        return new FeedbackClassifier(Lexicon.loadDefault(), model);
    }

    /** A model that knows nothing: every class equally likely whatever the text (a start for training). */
    public static LinearModel untrainedModel(int bits) {
        return new LinearModel(bits, DENSE_FEATURES, new float[LinearModel.CLASSES],
                new float[DENSE_FEATURES.size() * LinearModel.CLASSES], new float[LinearModel.CLASSES << bits]);
    }

    /** The tokenizer this classifier uses (exposed for benchmarks that compare against a bare tokenizer pass). */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    /** Exactly what the model reads of {@code text}, for the training tool; {@code null} for text sent to triage. */
    public ModelInput modelInput(String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        if (languageCheck.check(text, tokens).triage()) {
            return null;
        }
        ComplaintSignals.Result problem = complaints.detect(text, tokens, waits.longest(text, tokens));
        return modelInput(tokens, scorer.score(text, tokens, problem.present(), problem.benign()), problem,
                newFeatureBuffer(tokens));
    }

    /**
     * A buffer for the features of {@code tokens}: a word gives about six (itself, its pair, its 4-grams); sized
     * for eight, a long text's buffer is not grown and copied three times over.
     */
    private static HashedFeatures.Buffer newFeatureBuffer(List<Token> tokens) {
        return new HashedFeatures.Buffer(Math.max(256, tokens.size() * 8));
    }

    /**
     * This thread's reused buffer, emptied, or a new one for a text too long for it; read once, then dropped. A
     * few very long words can still grow the reused one: past four times its size it is replaced.
     */
    private static HashedFeatures.Buffer scratchFeatureBuffer(List<Token> tokens) {
        if (tokens.size() * 8 > REUSED_FEATURES) {
            return newFeatureBuffer(tokens);
        }
        HashedFeatures.Buffer buffer = FEATURES.get();
        if (buffer.buckets.length > 4 * REUSED_FEATURES) {
            buffer = new HashedFeatures.Buffer(REUSED_FEATURES);
            FEATURES.set(buffer);
        }
        return buffer.clear();
    }

    private ModelInput modelInput(List<Token> tokens, SentimentScorer.Result rules, ComplaintSignals.Result problem,
            HashedFeatures.Buffer buffer) {
        hashed.extract(tokens, buffer);
        double s = rules.score();
        return new ModelInput(buffer, new double[] {s, Math.max(0, -s), problem.level()}, tokens.size());
    }

    /** The rules' sentiment alone, before the model weighs it (for tests of the rules). */
    SentimentScorer.Result rules(String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        ComplaintSignals.Result problem = complaints.detect(text, tokens, waits.longest(text, tokens));
        return scorer.score(text, tokens, problem.present(), problem.benign());
    }

    /** The stated problem alone (for tests of the complaint rules). */
    ComplaintSignals.Result problem(String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        return complaints.detect(text, tokens, waits.longest(text, tokens));
    }

    @Override
    public Verdict classify(ClassifierInput input) {
        String text = input.text();
        List<Token> tokens = tokenizer.tokenize(text);
        List<Finding> evidence = new ArrayList<>(EXPECTED_EVIDENCE);
        LanguageCheck.Result language = languageCheck.check(text, tokens);
        evidence.add(language.evidence());
        if (language.triage()) {
            return triaged(input, language, evidence);
        }
        WaitDuration.Wait wait = waits.longest(text, tokens);
        ComplaintSignals.Result problem = complaints.detect(text, tokens, wait);
        evidence.addAll(problem.evidence());
        SentimentScorer.Result rules = scorer.score(text, tokens, problem.present(), problem.benign());
        evidence.addAll(rules.evidence());
        ModelInput read = modelInput(tokens, rules, problem, scratchFeatureBuffer(tokens));
        LinearModel.Scores scores = model.score(read.features(), read.dense(), read.tokens());
        double[] logits = statementPrior(scores.logits(), tokens, rules.score(), evidence);
        double[] p = withRating(logits, input.rating(), evidence);
        ModelEvidence.add(text, tokens, scores, model, read.dense(), evidence);
        Finding irony = Irony.find(text, tokens, rules.evidence(), problem.evidence());
        if (irony != null) {
            evidence.add(irony);
        }
        if (irony != null || rules.sarcasm() && problem.present()) {
            // Praise of the problem itself, or sarcasm about it: what the model read as positive is the tone of
            // a complaint.
            p = new double[] {p[0] + p[2], p[1], 0};
        }
        double score = clamp(p[2] - p[0]);
        SentimentLabel polarity = polarity(p);
        Set<IntentLabel> signalled = intents.detect(text, tokens, polarity, evidence);
        if (wait.evidence() != null) {
            evidence.add(wait.evidence());
        }
        EscalationDecision.Verdict verdict = EscalationDecision.decide(p[0], p[2], problem.strength(), signalled, evidence);
        // The stated problem implies a category only for a complaint: thanks for a fraud caught in time is no
        // billing matter (2.6).
        List<ScoredCategory> found = categories.detect(text, tokens,
                verdict.escalate() ? problem.evidence() : List.of(), evidence);
        SeverityPolicy.Assessment graded = severity.assess(new SeverityPolicy.Signals(polarity, score,
                verdict.escalate(), problem.harm(), rules.capsEmphasis(), rules.exclamations(), wait.days(), signalled),
                evidence);
        return new Verdict(polarity, score, found, signalled, graded.severity(), graded.points(),
                verdict.escalate(), false, language.language(), evidence, VERSION, verdict.confidence());
    }

    /**
     * The model's log-odds with the prior of feedback that states something ({@link #STATEMENT_LOG_ODDS}), when the
     * text is a statement ({@link MessageForm#STATEMENT}) that speaks of the writer or to someone; news and
     * headlines, which do neither, keep the model's own prior.
     */
    static double[] statementPrior(double[] logits, List<Token> tokens, double rulesScore, List<Finding> evidence) {
        if (rulesScore > 0 || MessageForm.of(tokens) != MessageForm.STATEMENT
                || ComplaintSignals.involvement(tokens) < ComplaintSignals.ADDRESSED) {
            return logits;
        }
        double[] shifted = logits.clone();
        shifted[0] += STATEMENT_LOG_ODDS;
        evidence.add(Finding.untied("prior", "sentiment", "statement", STATEMENT_LOG_ODDS));
        return shifted;
    }

    private Verdict triaged(ClassifierInput input, LanguageCheck.Result language, List<Finding> evidence) {
        double[] p = withRating(new double[LinearModel.CLASSES], input.rating(), evidence);
        double score = clamp(p[2] - p[0]);
        SentimentLabel polarity = input.rating() == null ? SentimentLabel.NEUTRAL : polarity(p);
        SeverityPolicy.Assessment graded = severity.assess(
                new SeverityPolicy.Signals(polarity, score, false, 0, false, 0, 0, Set.of()), evidence);
        return new Verdict(polarity, score, List.of(new ScoredCategory(CategoryLabel.OTHER, 1.0)), Set.of(),
                graded.severity(), graded.points(), true, true, language.language(), evidence, VERSION, 1.0);
    }

    /**
     * The class probabilities after a star rating moved the log-odds: each star above the middle makes positive
     * {@value #RATING_LOG_ODDS} more likely in log-odds, and negative as much less likely (below the middle the
     * other way round); three stars make neutral as much more likely, one or five as much less. Clear words still
     * outweigh the stars: a 5-star "broke in a day" is a complaint.
     */
    static double[] withRating(double[] logits, Integer rating, List<Finding> evidence) {
        double[] shifted = logits.clone();
        if (rating != null) {
            double stars = rating - 3;
            shifted[0] -= RATING_LOG_ODDS * stars;
            shifted[1] += RATING_LOG_ODDS * (1 - Math.abs(stars));
            shifted[2] += RATING_LOG_ODDS * stars;
            evidence.add(Finding.untied("rating", "sentiment", rating + " of 5", stars / 2));
        }
        return LinearModel.softmax(shifted);
    }

    /** The most probable class. */
    static SentimentLabel polarity(double[] p) {
        if (p[0] >= p[1] && p[0] >= p[2]) {
            return SentimentLabel.NEGATIVE;
        }
        return p[2] > p[1] ? SentimentLabel.POSITIVE : SentimentLabel.NEUTRAL;
    }

    private static double clamp(double score) {
        return Math.max(-1, Math.min(1, score));
    }
}
