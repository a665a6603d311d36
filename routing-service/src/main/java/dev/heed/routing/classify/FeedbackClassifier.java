package dev.heed.routing.classify;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Heed's feedback classifier: rules and word lists, no model, no network. Built once per process with
 * {@link #loadDefault()}; immutable and safe to share between threads.
 *
 * <p>Per text: tokenize once; check the language ({@link LanguageCheck}) and send empty or non-English text to
 * triage without guessing its sentiment; score sentiment ({@link SentimentScorer}); fuse a star rating when
 * there is one; find categories ({@link CategoryDetector}), intents ({@link IntentDetector}) and how long
 * the customer waited ({@link WaitDuration}); grade severity ({@link SeverityPolicy}).
 *
 * <p>Sentiment: POSITIVE when the score is at least {@value #POSITIVE_FROM}, NEGATIVE when at most
 * {@value #NEGATIVE_TO}, else NEUTRAL. Rating fusion: {@code score = 0.7·text + 0.3·(rating − 3)/2} (the words outweigh the stars: a 5-star "broke in a day" is a complaint); when the
 * text carries no sentiment (or goes to triage) the rating decides alone. Escalate when the sentiment is
 * NEGATIVE, when a safety issue, legal threat or cancellation threat is present whatever the sentiment, or
 * when the text goes to triage.
 */
public final class FeedbackClassifier implements Classifier {

    /** Rules and word-list version stamped on every classification. */
    public static final String VERSION = "heed-rules-1.0+vader-3.3.2";
    public static final double POSITIVE_FROM = 0.05;
    public static final double NEGATIVE_TO = -0.05;
    static final double TEXT_WEIGHT = 0.7;
    private static final Set<Intent> ALWAYS_ESCALATE =
            Set.of(Intent.SAFETY_ISSUE, Intent.LEGAL_THREAT, Intent.CANCELLATION_THREAT);

    private final Tokenizer tokenizer;
    private final LanguageCheck languageCheck;
    private final SentimentScorer scorer;
    private final CategoryDetector categories;
    private final IntentDetector intents;
    private final WaitDuration waits = new WaitDuration();
    private final SeverityPolicy severity = new SeverityPolicy();

    private FeedbackClassifier(Lexicon lexicon) {
        this.tokenizer = new Tokenizer(lexicon.emoticons());
        this.languageCheck = LanguageCheck.load(lexicon);
        this.scorer = new SentimentScorer(lexicon);
        this.categories = CategoryDetector.loadDefault();
        this.intents = IntentDetector.loadDefault();
    }

    /** Loads the word lists shipped with this module. Costs tens of milliseconds: do it once. */
    public static FeedbackClassifier loadDefault() {
        return new FeedbackClassifier(Lexicon.loadDefault());
    }

    /** The tokenizer this classifier uses (exposed for benchmarks that compare against a bare tokenizer pass). */
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public Classification classify(ClassifierInput input) {
        String text = input.text();
        List<Token> tokens = tokenizer.tokenize(text);
        List<Evidence> evidence = new ArrayList<>();
        LanguageCheck.Result language = languageCheck.check(text, tokens);
        evidence.add(language.evidence());
        if (language.triage()) {
            return triaged(input, language, evidence);
        }
        SentimentScorer.Result sentiment = scorer.score(text, tokens);
        evidence.addAll(sentiment.evidence());
        double score = fuse(sentiment.score(), input.rating(), evidence);
        Sentiment polarity = polarity(score);
        List<CategoryScore> found = categories.detect(text, tokens, evidence);
        Set<Intent> signalled = intents.detect(text, tokens, polarity, evidence);
        WaitDuration.Wait wait = waits.longest(text, tokens);
        if (wait.evidence() != null) {
            evidence.add(wait.evidence());
        }
        SeverityPolicy.Assessment graded = severity.assess(new SeverityPolicy.Signals(polarity, score,
                sentiment.capsEmphasis(), sentiment.exclamations(), wait.days(), signalled), evidence);
        return new Classification(polarity, score, found, signalled, graded.severity(), graded.points(),
                escalate(polarity, signalled, false), false, language.language(), evidence, VERSION);
    }

    private Classification triaged(ClassifierInput input, LanguageCheck.Result language, List<Evidence> evidence) {
        double score = fuse(0, input.rating(), evidence);
        Sentiment polarity = polarity(score);
        SeverityPolicy.Assessment graded = severity.assess(
                new SeverityPolicy.Signals(polarity, score, false, 0, 0, Set.of()), evidence);
        return new Classification(polarity, score, List.of(new CategoryScore(Category.OTHER, 1.0)), Set.of(),
                graded.severity(), graded.points(), true, true, language.language(), evidence, VERSION);
    }

    static double fuse(double textScore, Integer rating, List<Evidence> evidence) {
        if (rating == null) {
            return textScore;
        }
        double ratingScore = (rating - 3) / 2.0;
        double fused = textScore == 0 ? ratingScore : TEXT_WEIGHT * textScore + (1 - TEXT_WEIGHT) * ratingScore;
        evidence.add(Evidence.untied("rating", "sentiment", rating + " of 5", ratingScore));
        return fused;
    }

    static Sentiment polarity(double score) {
        if (score >= POSITIVE_FROM) {
            return Sentiment.POSITIVE;
        }
        return score <= NEGATIVE_TO ? Sentiment.NEGATIVE : Sentiment.NEUTRAL;
    }

    static boolean escalate(Sentiment sentiment, Set<Intent> intents, boolean triage) {
        if (triage || sentiment == Sentiment.NEGATIVE) {
            return true;
        }
        for (Intent i : intents) {
            if (ALWAYS_ESCALATE.contains(i)) {
                return true;
            }
        }
        return false;
    }
}
