package dev.heed.routing.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class HashedFeaturesTest {

    /**
     * The shipped model's weights are indexed by these buckets: any change to the hashing (words, pairs, negated
     * words, hashtags, capitals, handles, the 4-grams of words of two, three, four and more letters) makes it
     * read the wrong weights. The values were recorded from 2.4's hashing, before its 4-gram loop was unrolled.
     */
    @Test
    void bucketsAreThoseTheShippedModelWasTrainedOn() {
        HashedFeatures hashed = new HashedFeatures(FeedbackClassifier.MODEL_BITS, Lexicon.loadDefault());
        HashedFeatures.Buffer features = new HashedFeatures.Buffer();
        hashed.extract(new Tokenizer(Set.of()).tokenize("Cancelled ab abc abcd a, NOT good!! #FailAgain @united"),
                features);

        assertThat(features.bucketArray()).containsExactly(179362, 195276, 114669, 23067, 217414, 46684, 178262,
                101054, 31826, 197381, 76118, 31006, 80970, 825, 28151, 201846, 242387, 825, 105585, 125515, 142461,
                35752, 198324, 62627, 214774, 75634, 128243, 151278, 206679, 104083, 17467, 250844, 25102, 94559,
                131113, 248906, 131113, 13122, 214006, 186276, 171192, 201626, 166245, 173198, 82153, 141538, 53923,
                179493, 222349, 48956, 232351, 38916, 19615);
        int[] tokens = new int[features.size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = features.token(i);
        }
        assertThat(tokens).containsExactly(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 3, 4, 4, 5, 6,
                6, 6, 6, 6, 7, 7, 7, 7, 7, 8, 8, 9, 9, 10, 10, 10, 10, 10, 10, 11, 11, 11, 11, 11, 11, 11, 12, 12);
    }
}
