package dev.heed.routing.classify;

import static dev.heed.routing.classify.SharedClassifier.CLASSIFIER;
import static dev.heed.routing.classify.SharedClassifier.classify;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CategoryAndIntentTest {

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            My parcel was never delivered and the courier tracking says nothing.   | DELIVERY
            You charged my card twice and the invoice is wrong.                    | BILLING
            The kettle is cheaply made and the handle is faulty.                   | PRODUCT_QUALITY
            The cashier was rude and condescending to my mother.                   | STAFF_ATTITUDE
            I have been on hold for an hour and no one answers.                    | SUPPORT_WAIT
            The app crashes every time I open the checkout page.                   | WEBSITE_APP
            My hotel booking disappeared and the reservation number is invalid.    | BOOKING
            The vase arrived smashed and one item is missing.                      | LOST_DAMAGED
            Package arrived damaged and the glass inside was broken.               | LOST_DAMAGED
            Please cancel my subscription, the cancellation form does not load.    | CANCELLATION
            The weather was nice on Tuesday.                                       | OTHER
            """)
    void theBestCategoryComesFirst(String text, CategoryLabel expected) {
        Verdict c = classify(text);
        assertThat(c.topCategory()).isEqualTo(expected);
        if (expected != CategoryLabel.OTHER) {
            assertThat(c.evidence()).anyMatch(e -> e.decision().equals("category:" + expected) && e.start() >= 0);
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The locksmith quoted £80 and took £150 from my card.                      | BILLING
            The removal firm misplaced two of our boxes.                              | LOST_DAMAGED
            Five weeks since the surveyor promised his report, still nothing.         | SUPPORT_WAIT
            The paint we were sold is the wrong colour and the shop refused to swap it. | PRODUCT_QUALITY
            """)
    void aComplaintWithoutACategoryWordTakesTheCategoryOfItsProblem(String text, CategoryLabel expected) {
        Verdict v = classify(text);
        assertThat(v.escalate()).as("%s", v.evidence()).isTrue();
        assertThat(v.topCategory()).as("%s", v.evidence()).isEqualTo(expected);
        assertThat(v.categories().get(0).confidence()).isLessThan(0.63);
        assertThat(v.evidence()).anyMatch(e -> e.rule().equals("category-from-problem"));
    }

    @Test
    void feedbackThatIsNoComplaintTakesNoCategoryFromAProblem() {
        Verdict v = classify("The locksmith fixed the broken lock in ten minutes, lovely man.");
        assertThat(v.escalate()).isFalse();
        assertThat(v.evidence()).noneMatch(e -> e.rule().equals("category-from-problem"));
    }

    @Test
    void moreThanOneCategoryMayApply() {
        Verdict c = classify("The delivery was late and I was charged a fee for it.");
        assertThat(c.categories()).extracting(ScoredCategory::category).contains(CategoryLabel.DELIVERY, CategoryLabel.BILLING);
        assertThat(c.categories()).allSatisfy(s -> assertThat(s.confidence()).isBetween(0.0, 1.0));
        assertThat(c.categories().get(0).confidence()).isGreaterThanOrEqualTo(c.categories().get(1).confidence());
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            I want a refund for the broken heater.                          | REFUND_REQUEST
            Give me my money back.                                          | REFUND_REQUEST
            Fix this or I will cancel my subscription.                      | CANCELLATION_THREAT
            I am switching to another provider next month.                  | CANCELLATION_THREAT
            My lawyer will hear about this.                                 | LEGAL_THREAT
            I will take legal action if this is not resolved.               | LEGAL_THREAT
            The charger caught fire on my desk.                             | SAFETY_ISSUE
            My son had an allergic reaction, the label said nut free.       | SAFETY_ISSUE
            This is the third time I am writing about this.                 | REPEAT_CONTACT
            I have called 4 times this week.                                | REPEAT_CONTACT
            I already emailed you about this order.                         | REPEAT_CONTACT
            Thank you so much, the team was wonderful.                      | PRAISE
            It would be nice if the app had a dark mode.                    | SUGGESTION
            You should add a tracking link to the e-mail.                   | SUGGESTION
            The app is great but I'd love a dark mode.                      | SUGGESTION
            The lid shattered and I cut my finger.                          | SAFETY_ISSUE
            How do I change my delivery address?                            | QUESTION
            Can you tell me when the shop opens                             | QUESTION
            """)
    void eachIntentIsRecognised(String text, IntentLabel expected) {
        Verdict c = classify(text);
        assertThat(c.intents()).contains(expected);
        assertThat(c.evidence()).anyMatch(e -> e.decision().equals("intent:" + expected));
    }

    @ParameterizedTest(name = "[{index}] {0} is not {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Thanks for nothing.                          | PRAISE
            The burger was on fire, so tasty!            | LEGAL_THREAT
            I wore it 3 times and it fell apart.         | REPEAT_CONTACT
            The food court was busy.                     | LEGAL_THREAT
            """)
    void lookalikesDoNotTriggerIntents(String text, IntentLabel notExpected) {
        assertThat(classify(text).intents()).doesNotContain(notExpected);
    }

    @Test
    void aHospitalNamedAsAPlaceIsNoSafetyIssue() {
        Verdict place = classify("Does the number 12 bus stop near the hospital?");
        assertThat(place.intents()).doesNotContain(IntentLabel.SAFETY_ISSUE);
        assertThat(place.escalate()).isFalse();
        assertThat(classify("My dad ended up in hospital after eating there.").intents())
                .contains(IntentLabel.SAFETY_ISSUE);
        assertThat(classify("The fumes from the heater put my son in hospital.").intents())
                .contains(IntentLabel.SAFETY_ISSUE);
    }

    @Test
    void leavingPutAsASuppositionIsAQuestionNotAThreat() {
        assertThat(classify("If I cancel my plan now, do I lose my saved files?").intents())
                .doesNotContain(IntentLabel.CANCELLATION_THREAT).contains(IntentLabel.QUESTION);
        assertThat(classify("I will cancel my plan if this isn't fixed.").intents())
                .contains(IntentLabel.CANCELLATION_THREAT);
    }
}
