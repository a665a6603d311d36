package dev.heed.routing.classify;

import static dev.heed.routing.classify.SharedClassifier.CLASSIFIER;
import static dev.heed.routing.classify.SharedClassifier.classify;
import static dev.heed.routing.classify.SharedClassifier.rulesScore;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The failure patterns that kept real complaints from escalating, one table each, in sentences written for
 * these tests: handles and markup read as words, complaints stated as facts, politeness read as praise,
 * sarcasm, domain words with a general-English valence, questions that demand action.
 */
class ComplaintDetectionTest {

    @Test
    void aHandleIsNotAWord() {
        Verdict c = classify("@united flight 22 to Newark");
        assertThat(c.evidence()).noneMatch(e -> e.text().equalsIgnoreCase("united") && e.rule().equals("lexicon"));
        assertThat(rulesScore("@united flight 22 to Newark")).isZero();
    }

    @Test
    void markupCarriesNoSentimentButEmojiAndTagsDo() {
        assertThat(rulesScore("Tickets &amp; seats https://t.co/good")).isZero();
        assertThat(rulesScore("bag lost again ❌")).isNegative();
        assertThat(rulesScore("bag lost again 😡")).isNegative();
        assertThat(rulesScore("the new lounge &lt;3")).isPositive();
        assertThat(rulesScore("checked in, bags gone #fail")).isNegative();
        assertThat(rulesScore("#NeverAgain")).isNegative();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            @skyway flight to Lyon cancelled, no option to rebook in the app
            On hold for 2 hours with the pharmacy line.
            Still haven't received the replacement card you sent in March.
            You charged my account twice for the same order.
            The parcel never arrived and the tracking page just says processing.
            We were bumped off our flight and stranded overnight in Frankfurt.
            My deposit has not been refunded after six weeks.
            The technician never showed up between 8 and 12 as promised.
            Nobody has replied to my three emails about the damaged sofa.
            The meter reading on my bill is wrong again.
            """)
    void aProblemStatedAsAFactEscalates(String text) {
        assertThat(escalates(text, true).evidence()).anyMatch(e -> e.rule().startsWith("problem:") && e.start() >= 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Thanks in advance, my refund still hasn't arrived.
            Please help, I can't log in to pay my bill and it is due today.
            Hope you can sort this out, the heating has been broken since Monday.
            I would really appreciate a call back, I have been waiting a week for an answer.
            Thank you for your time. The fridge you delivered is leaking water.
            """)
    void politenessIsNotPraise(String text) {
        assertThat(escalates(text, true).sentiment()).isNotEqualTo(SentimentLabel.POSITIVE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Thank you, the new app is so much faster!
            Thanks for sorting my refund so quickly.
            Please keep the night buses, they are wonderful.
            """)
    void thanksWithoutAProblemIsStillPraise(String text) {
        assertThat(escalates(text, false).sentiment()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Great job!!! Lost my suitcase on a direct flight.
            Love being on hold for my whole lunch break.
            GENIUS idea to close the only checkout at rush hour, we waited 40 minutes.
            Seat broken and no food on a 5 hour trip :)))
            Best airline in the world #sarcasm
            """)
    void sarcasmAfterAProblemIsNotPraise(String text) {
        Verdict c = escalates(text, true);
        assertThat(c.evidence()).anyMatch(e -> e.rule().equals("sarcasm"));
        assertThat(c.sentiment()).isNotEqualTo(SentimentLabel.POSITIVE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Thanks @harbourair for losing my suitcase on a direct flight
            thank you @cablenet for the 3 hour outage during my exam
            Really appreciate being charged twice for one ticket @metrorail
            thanks @gridpower, fourth outage this month
            Love that my parcel is stuck in a depot for a week
            """)
    void praiseOfTheProblemItselfIsIronyAndAComplaint(String text) {
        Verdict c = escalates(text, true);
        assertThat(c.evidence()).anyMatch(e -> (e.rule().equals("irony") || e.rule().equals("sarcasm")) && e.start() >= 0);
        assertThat(c.sentiment()).isEqualTo(SentimentLabel.NEGATIVE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Thanks for rebooking me so fast after the cancellation.
            thank you @cablenet for fixing the outage within the hour
            Love the new tablet, thinking about cancelling my old contract.
            Thanks again for the help, it was late but you stayed on.
            Great crew, but the flight was delayed for three hours.
            """)
    void praiseOfTheRemedyOrOfSomethingElseIsNoIrony(String text) {
        assertThat(classify(text).evidence()).noneMatch(e -> e.rule().equals("irony"));
    }

    @Test
    void exclamationMarksNeverAmplifyPraiseInAComplaint() {
        double calm = rulesScore("The lounge is lovely and the staff were great, shame my bag was lost.");
        double loud = rulesScore("The lounge is lovely and the staff were great, shame my bag was lost!!!");
        assertThat(loud).isLessThanOrEqualTo(calm);
        assertThat(rulesScore("Nice lounge!!!")).isGreaterThan(rulesScore("Nice lounge."));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            I am disputing the interest charged on my credit card under the Fair Credit Billing Act.
            The security deposit agreement says the free period ends in May.
            My Wells Fargo credit line was approved in March.
            """)
    void wordsThatNameThingsAreNotPraise(String text) {
        assertThat(rulesScore(text)).isLessThanOrEqualTo(0.05);
        assertThat(CLASSIFIER.rules(text).evidence()).noneMatch(e -> e.weight() > 1 && e.rule().equals("lexicon"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Why was my flight moved to the evening without asking me?
            When will I get my refund?
            Where is my order?
            How is this acceptable?
            How long does it take you to answer a simple email?
            What is the point of choosing seats if you move us anyway?
            """)
    void questionsThatDemandActionEscalate(String text) {
        assertThat(escalates(text, true).evidence()).anyMatch(e -> e.rule().startsWith("problem:"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            When does boarding start for the Oslo flight?
            Can I bring a folding bike on the train?
            Do you deliver to the islands?
            What is the fee for a second checked bag?
            Is there a student discount on the annual plan?
            """)
    void questionsForInformationDoNotEscalate(String text) {
        escalates(text, false);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            My lamp arrived with a deep scratch across the base.
            My groceries came crushed and the eggs were soaked.
            The video keeps buffering on my TV and my laptop.
            The courier handed me somebody else's parcel.
            The last update wiped all my saved playlists.
            My phone bill went up by a third and nobody told me.
            You raised my premium again without a single claim.
            Now they want me to pay for their mistake.
            Two hours hold just to change my address.
            """)
    void damageDataLossPriceRisesAndLongHoldsAreStatedProblems(String text) {
        assertThat(escalates(text, true).evidence()).anyMatch(e -> e.rule().startsWith("problem:") && e.start() >= 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The bank hasn't transferred my savings after three requests.
            My pension still has not been paid into my account.
            My tablet stopped charging a week after the repair.
            You switched my tariff without asking me.
            The courier tossed my parcel into the hedge.
            The ticket machine swallowed my card at the station.
            The parcel from you arrived empty apart from the packing slip.
            Third evening in a row my broadband cuts out at eight.
            The agent closed the chat on me before I could explain.
            My router keeps dropping and the internet drops every hour.
            The order was sent to a different address than the one I gave.
            """)
    void unmetActionsAndHandlingFailuresAreStatedProblems(String text) {
        assertThat(escalates(text, true).evidence()).anyMatch(e -> e.rule().startsWith("problem:") && e.start() >= 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The band drops a new single on Friday.
            Fourth win in a row for the home side tonight.
            """)
    void newsWithProblemLikeWordsIsNoProblem(String text) {
        assertThat(CLASSIFIER.problem(text).evidence()).noneMatch(e -> e.rule().startsWith("problem:") && e.start() >= 0
                && !e.rule().equals("problem:involvement"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Your loyalty scheme is a joke.
            So you're telling me the refund takes another month?
            Are you serious, a fee to talk to a person?
            """)
    void indignationIsAComplaint(String text) {
        escalates(text, true);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Can I pause my plan while I travel for two months?
            Could we keep the room for 3 more nights?
            Is it possible to book a late checkout for Sunday?
            Do you still sell PO box rentals at the Elm Street office?
            """)
    void aPeriodAskedForIsNoWait(String text) {
        Verdict c = escalates(text, false);
        assertThat(c.evidence()).noneMatch(e -> e.rule().equals("wait-duration") || e.rule().startsWith("problem:"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Sat at the gate for 90 min and nobody said a word. | 90
            Held on the line for 2 hr before anyone picked up.  | 120
            """)
    void shortFormsOfMinutesAndHoursAreWaits(String text, int minutes) {
        assertThat(classify(text).evidence()).anyMatch(e -> e.rule().equals("wait-duration")
                && Math.abs(e.weight() - minutes / 1440.0) < 1e-9);
    }

    @Test
    void aWaitStillCountsInAQuestionThatSaysItWasWaited() {
        Verdict c = classify("Can you tell me why I have been waiting for 3 weeks?");
        assertThat(c.evidence()).anyMatch(e -> e.rule().equals("wait-duration") && e.weight() == 21);
        assertThat(c.escalate()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The flight was delayed but the crew were wonderful and kept us posted. Thank you!
            No problems at all, the parcel came on time.
            My bag was damaged but you replaced it within a day, excellent service.
            """)
    void aProblemSolvedOrOutweighedIsNotAComplaint(String text) {
        escalates(text, false);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The league's top team lost again on Sunday.
            Court hears fraud case against former minister.
            """)
    void problemWordsInNewsAboutOthersWeighLess(String text) {
        assertThat(CLASSIFIER.problem(text).strength()).isLessThan(0.5);
        assertThat(CLASSIFIER.problem(text).evidence()).anyMatch(e -> e.rule().equals("problem:involvement"));
    }

    @ParameterizedTest(name = "[{index}] {0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            @skyway my luggage is still in Madrid                    | LOST_DAMAGED
            @skyway the flight is full and I am flying tomorrow      | OTHER
            The baggage belt broke my suitcase handle                | LOST_DAMAGED
            The package was left on the wrong doorstep               | DELIVERY
            Charged a change fee for a flight you moved              | BILLING
            The flight attendant rolled her eyes at my question      | STAFF_ATTITUDE
            """)
    void categoriesComeFromSpecificWordsNotTheBusinessName(String text, CategoryLabel expected) {
        assertThat(classify(text).topCategory()).isEqualTo(expected);
    }

    /** Classifies and checks the escalation, naming the evidence when it fails. */
    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Reserved a quiet room at the back, got one above the kitchen extractor.
            I ordered the blue sofa and received a grey one with a torn cushion.
            We paid for priority boarding, and were seated last instead.
            Booked a table on the terrace but got a spot next to the bins.
            """)
    void whatWasAskedForAgainstWhatCameIsAFailure(String text) {
        assertThat(escalates(text, true).evidence()).anyMatch(e -> e.rule().equals("problem:FAILURE") && e.start() >= 0
                && e.weight() == Mismatch.WEIGHT);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ordered at ten this morning, got it before lunch.
            I booked the spa on Monday and got a text to confirm it the same day.
            I ordered the soup instead of the salad.
            Booked two nights, got a free breakfast thrown in. Lovely stay.
            """)
    void anOrderAndWhatCameIsNoMismatchWhenNothingWentWrong(String text) {
        assertThat(CLASSIFIER.problem(text).evidence()).noneMatch(e -> e.weight() == Mismatch.WEIGHT);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            You moved my delivery slot to next month without notice.
            My direct debit went up without a word from anyone.
            The gym closed my membership without any warning.
            Day three with no broadband and still no word from your engineers.
            The origination fee was never disclosed to me before signing.
            My renewal came through at double the price of last year.
            """)
    void actsWithoutNoticeSilenceAndHiddenCostsAreStatedProblems(String text) {
        assertThat(escalates(text, true).evidence()).anyMatch(e -> e.rule().startsWith("problem:") && e.start() >= 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Works all over the flat with no signal or battery issues at all.
            I love the speaker, it would be a steal at twice the price.
            Enjoyed the late checkout and the quiet room, thank you.
            """)
    void noIssuesAndPraiseIdiomsAreNotComplaints(String text) {
        escalates(text, false);
    }

    // 2.5: shapes of a complaint that no word of it names.

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Speed test shows 4mbps on the 300mbps package I signed up for.
            Getting 12 mbps instead of 150 every evening.
            It took 2 hours for a 20 minute oil change.
            3 days for a "24 hour" turnaround, and no call.
            """)
    void aQuantityFarFromWhatWasPromisedIsABrokenPromise(String text) {
        assertThat(CLASSIFIER.problem(text).evidence()).anyMatch(e -> e.rule().equals("problem:PROMISE_BROKEN")
                && e.weight() == Shortfall.WEIGHT && e.start() >= 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Used 40GB of my 100GB allowance already this month.
            Took 10 minutes for a 30 minute delivery window, impressive.
            Getting 900mbps on a 1gbps plan, really happy.
            Paid 20 for a 2 hour session.
            Waited 5 minutes for a 4 minute bus.
            """)
    void aQuantityCloseToOrBetterThanPromisedIsNone(String text) {
        assertThat(CLASSIFIER.problem(text).evidence()).noneMatch(e -> e.weight() == Shortfall.WEIGHT
                && e.rule().equals("problem:PROMISE_BROKEN"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Speed test shows 4mbps on the 300mbps package I signed up for.
            The "same day repair" we paid for is now booked for next Thursday.
            The premium seats I paid extra for weren't even together.
            The portal still says my application is under review.
            """)
    void whatWasPaidForOrAStatusThatNeverMovedEscalates(String text) {
        assertThat(escalates(text, true).evidence()).anyMatch(e -> e.rule().startsWith("problem:") && e.start() >= 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            I paid for the upgrade and it was worth it.
            The room we paid for was lovely and quiet.
            """)
    void whatWasPaidForIsNoProblemWhenNothingBecameOfIt(String text) {
        escalates(text, false);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            My parcel never arrived. Great.
            The lift has been broken since Friday. Lovely.
            Card declined twice at the till. Wonderful experience 👏
            The broadband dropped out during my interview. Excellent.
            """)
    void aTerseVerdictOfPraiseAfterTheProblemIsIrony(String text) {
        assertThat(escalates(text, true).evidence()).anyMatch(e -> e.rule().equals("irony"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Flight delayed two hours. Food excellent though.
            Our luggage was lost and then found within the day. Brilliant.
            The train was delayed, but the crew were great. Lovely trip.
            Food arrived a bit late. Staff lovely.
            My order was missing a drink, but they refunded it straight away. Great service.
            I've been waiting for the summer sale and now I'm enjoying my new bike. Love it!
            The weekend couldn't get much better. A perfect Saturday.
            """)
    void praiseThatClosesARemedyOrASecondTopicIsNoIrony(String text) {
        assertThat(classify(text).evidence()).noneMatch(e -> e.rule().equals("irony"));
    }

    @Test
    void theUpsideDownFaceMarksPraiseAsIrony() {
        assertThat(escalates("Best five stars I have ever given to cold pizza 🙃", true).evidence())
                .anyMatch(e -> e.rule().equals("sarcasm"));
        assertThat(classify("Best five stars I have ever given to a pizza").evidence())
                .noneMatch(e -> e.rule().equals("sarcasm"));
        // Beside glad emoji the face is playful.
        assertThat(classify("Road trip with the kids tomorrow 😃😃🙃").evidence())
                .noneMatch(e -> e.rule().equals("sarcasm"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            My order was missing a drink, but they refunded it straight away. Great service.
            The app crashed on login last week and the new version fixed it. Smooth now.
            """)
    void aProblemToldAsPutRightCountsLess(String text) {
        assertThat(escalates(text, false).evidence()).anyMatch(e -> e.rule().equals("problem:resolved") && e.start() >= 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            They refunded the wrong card and my money is still missing.
            The heating was fixed on Monday but it broke again on Tuesday.
            I have asked three times for the leak to be fixed.
            My bag was lost on the way out and never found.
            """)
    void aRemedyNotDoneOrUndoneIsNoResolution(String text) {
        Verdict c = escalates(text, true);
        assertThat(c.evidence()).noneMatch(e -> e.rule().equals("problem:resolved"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The landlord hasn't answered a single message since the boiler went.
            My tutor has not marked any of my essays since the start of term.
            You haven't updated the ticket since I raised it.
            """)
    void somethingOwedAndNotDoneSinceATimeIsWaiting(String text) {
        assertThat(escalates(text, true).evidence()).anyMatch(e -> e.rule().equals("problem:WAITING")
                && e.weight() == ComplaintSignals.UNMET_SINCE);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            I haven't had a single issue since I switched to you.
            The team hasn't been this good since the nineties.
            The printer hasn't given us any problems since the update.
            The striker hasn't scored since Saturday, a slump for the club.
            """)
    void theWritersOwnOrAComparisonSinceIsNoWait(String text) {
        assertThat(CLASSIFIER.problem(text).evidence()).noneMatch(e -> e.weight() == ComplaintSignals.UNMET_SINCE
                && e.rule().equals("problem:WAITING"));
    }

    @Test
    void aRemedyWhoseCircumstanceIsTheProblemIsAResolution() {
        assertThat(escalates("The hotel upgraded us to a suite after the booking mix-up. Made our week.", false).evidence())
                .anyMatch(e -> e.rule().equals("problem:resolved"));
        assertThat(classify("They moved us to a smaller room after the booking mix-up.").evidence())
                .noneMatch(e -> e.rule().equals("problem:resolved"));
        // How the problem was done, not a remedy.
        assertThat(CLASSIFIER.problem("The update ruined my album by replacing the photos with thumbnails.").evidence())
                .noneMatch(e -> e.rule().equals("problem:resolved"));
    }

    @Test
    void aLookAlikeCarriesNoNegativeSentiment() {
        assertThat(CLASSIFIER.rules("We had a late checkout.").evidence()).noneMatch(e -> e.text().equalsIgnoreCase("late"));
        assertThat(CLASSIFIER.rules("The bus was late.").evidence()).anyMatch(e -> e.text().equalsIgnoreCase("late"));
    }

    @Test
    void thanksForARemedyIsMeantEvenAfterAProblem() {
        Verdict c = classify("The app had problems last week, thanks for sorting it so fast.");
        assertThat(c.evidence()).noneMatch(e -> e.rule().equals("sarcasm"));
        assertThat(c.escalate()).isFalse();
        assertThat(classify("Thanks for ignoring me when I called three times about the leak.").escalate()).isTrue();
    }

    // 2.6: a sum charged above the one agreed; rises, penalties and money kept; systems down; cases closed.

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Quoted £250 to replace the window, the bill came to £410.
            They took $1,240.00 from my account for a trip advertised at $899.
            The estimate said 300 euros. Final invoice: 520 euros.
            Charged £95 for a repair we agreed at £60 on the phone.
            """)
    void aSumChargedAboveTheOneAgreedIsMoneyTaken(String text) {
        assertThat(CLASSIFIER.problem(text).evidence()).anyMatch(e -> e.rule().equals("problem:MONEY")
                && e.weight() == Overcharge.WEIGHT && e.start() >= 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Quoted £250 to replace the window, the bill came to £240. Spot on.
            The estimate was 3 days and it took 9.
            Advertised at $50, charged $52 with tax.
            We paid £40 at the door and £60 for the taxi home.
            """)
    void sumsWithinTheAgreedOrNotMoneyAreNoOvercharge(String text) {
        assertThat(CLASSIFIER.problem(text).evidence()).noneMatch(e -> e.weight() == Overcharge.WEIGHT
                && e.rule().equals("problem:MONEY") && e.text().length() > 12);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            My rent increased by a fifth with no explanation.
            The monthly fee has doubled since I signed up.
            Got fined for parking in my own space.
            The landlord withheld our deposit without listing any damage.
            The booking system was down all weekend and I missed the class.
            Support keeps closing my complaint without a reply.
            They sold the flat we reserved at three times the price.
            The clinic posted my test results to a stranger. That is a breach of my privacy.
            They upped my monthly direct debit again without asking.
            The webcam picture is grainy and the sound is muffled.
            Asked the manager about the mould and she just shrugged.
            The courier's photo shows my door but the box is nowhere to be found.
            """)
    void risesPenaltiesMoneyKeptOutagesAndClosedCasesAreStatedProblems(String text) {
        assertThat(CLASSIFIER.problem(text).present()).as("%s", CLASSIFIER.problem(text).evidence()).isTrue();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The pharmacy stayed open late so I could collect my inhaler. Thank you!
            The library is open late on Thursdays now, brilliant.
            """)
    void stayingLateAndChargingLessAreKindnessNotProblems(String text) {
        escalates(text, false);
    }

    @Test
    void aPeriodRunSinceSomethingIsAWait() {
        assertThat(CLASSIFIER.problem("Two weeks since the agent said she'd call back.").evidence())
                .anyMatch(e -> e.rule().equals("problem:WAITING"))
                .anyMatch(e -> e.rule().equals("problem:PROMISE_BROKEN") && e.text().equals("said she'd"));
        assertThat(CLASSIFIER.problem("Five years since I joined and I still love it.").evidence())
                .noneMatch(e -> e.rule().equals("problem:WAITING") && e.text().startsWith("Five"));
    }

    @Test
    void aJokeOfAServiceIsAVerdictWithItsIntensifier() {
        assertThat(classify("Absolute farce from start to finish.").score()).isNegative();
        assertThat(classify("It's a shambles down at the depot.").score()).isNegative();
    }

    @Test
    void aFineWayToSpendADayAfterAProblemIsIrony() {
        assertThat(escalates("What a lovely way to start the week, my train was cancelled again.", true).evidence())
                .anyMatch(e -> e.rule().equals("sarcasm-frame") && e.weight() < 0);
        escalates("What a lovely way to spend a Sunday, the gardens were beautiful.", false);
    }

    @Test
    void leavingAnAgreementEarlyIsAThreatToLeave() {
        assertThat(classify("After this I want to terminate the contract.").intents())
                .contains(IntentLabel.CANCELLATION_THREAT);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Although the instructor was friendly and patient, my certificate was never issued.
            They fined me even though the permit was valid and clearly displayed.
            Despite the lovely welcome, our table was given to someone else.
            Although the nurses were lovely and kind, my operation was cancelled twice.
            """)
    void whatAConcessiveClauseGrantsDoesNotOutweighTheComplaint(String text) {
        escalates(text, true);
        assertThat(rulesScore(text)).isNotPositive();
    }

    @Test
    void aConcessiveClauseAlsoDampsTheProblemItGrants() {
        assertThat(rulesScore("Although the train was late, the conductor was wonderful and kind.")).isPositive();
        assertThat(classify("Although the train was late, the conductor was wonderful and kind.").evidence())
                .anyMatch(e -> e.rule().equals("concessive:although"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The flowers were ordered for Friday and arrived on Sunday.
            Our new boiler was booked for Tuesday. The engineer came the following Monday.
            Paid for same day delivery on the printer, it showed up the next morning.
            The suit was promised by Thursday, it was ready Saturday.
            """)
    void theDayDueAgainstTheDayItCameIsAStatedProblem(String text) {
        assertThat(CLASSIFIER.problem(text).evidence()).as("%s", CLASSIFIER.problem(text).evidence())
                .anyMatch(e -> e.rule().equals("problem:FAILURE") && e.start() >= 0);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            Ordered on Monday, arrived Wednesday, lovely quality.
            The suit was promised for Friday and was ready on Friday.
            Booked for Thursday and the van arrived a day early on Wednesday.
            See you on Saturday, the tickets came through this morning.
            """)
    void theDayOfOrderingOrTheSameDayIsNoMissedDay(String text) {
        assertThat(CLASSIFIER.problem(text).evidence()).noneMatch(e -> e.rule().equals("problem:FAILURE"));
    }

    @Test
    void aRemedyInScareQuotesIsDoubtThatItWasDone() {
        assertThat(CLASSIFIER.problem("My car was 'serviced' on Friday, the warning light is on again.").evidence())
                .anyMatch(e -> e.rule().equals("problem:FAILURE") && e.text().equals("'serviced'"));
        assertThat(CLASSIFIER.problem("The gutters were \"repaired\" in spring.").present()).isTrue();
        assertThat(CLASSIFIER.problem("Their 'fixed price' lunch was great value.").present()).isFalse();
        assertThat(CLASSIFIER.problem("The landlord's 'repair' team came today.").present()).isFalse();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The fridge door won't close properly since the delivery.
            The audio kept cutting out through the whole webinar.
            The signal cuts out every time I go upstairs.
            Applied for the role in June and since then, radio silence.
            The engineer was meant to call before arriving.
            Emailed twice about the missing refund.
            """)
    void partsThatFailSilenceAndUnmetExpectationsAreStatedProblems(String text) {
        assertThat(CLASSIFIER.problem(text).present()).as("%s", CLASSIFIER.problem(text).evidence()).isTrue();
    }

    @Test
    void contactCountedFurtherFromItsVerbIsRepeatContact() {
        assertThat(classify("Phoned the surgery reception desk 9 times before 9am.").intents())
                .contains(IntentLabel.REPEAT_CONTACT);
        assertThat(classify("Phoned my mum. The 9 times table is hard.").intents())
                .doesNotContain(IntentLabel.REPEAT_CONTACT);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            The taxi driver waited for us while we loaded the bags, so kind.
            The midwives were incredible, I can't thank them enough.
            Couldn't fault the service from start to finish.
            There was a mix-up with the order but the bakery remade it the same afternoon. Great service.
            Thanks to the hotel for finding my lost earring!
            The watch stopped and the jeweller repaired it while I waited. Brilliant.
            """)
    void kindnessThanksAndRemediesAreNotComplaints(String text) {
        Verdict c = escalates(text, false);
        assertThat(c.sentiment()).as("%s", c.evidence()).isEqualTo(SentimentLabel.POSITIVE);
    }

    @Test
    void cleanAsAnAdverbIsNoPraise() {
        assertThat(rulesScore("The barrier came down and knocked the aerial clean off my van.")).isNotPositive();
        assertThat(rulesScore("Picked up my dry cleaning today.")).isZero();
    }

    @Test
    void whatCameNamedWithoutAnArticleAgainstWhatWasAskedFor() {
        assertThat(CLASSIFIER.problem("Requested vegetarian meals, got chicken curry for all three.").present()).isTrue();
        assertThat(CLASSIFIER.problem("Ordered online, got delivery next day, brilliant.").present()).isFalse();
        assertThat(CLASSIFIER.problem("Booked the tasting menu and got chatting with the chef.").present()).isFalse();
    }

    @Test
    void whatTheProviderSentAgainstWhatWasAskedFor() {
        assertThat(CLASSIFIER.problem("We reserved a minibus for twelve, they sent a five-seater.").present()).isTrue();
        assertThat(CLASSIFIER.problem("Ordered the oak table and they delivered a pine one.").present()).isTrue();
        assertThat(CLASSIFIER.problem("Ordered a wardrobe, they delivered the wardrobe on Friday as planned.").present())
                .isFalse();
        assertThat(CLASSIFIER.problem("Booked a haircut and the salon that was delivered a parcel rang me.").present())
                .isFalse();
    }

    @Test
    void theHarmAQuestionAboutCoverNamesIsItsTopic() {
        assertThat(rulesScore("Does the policy cover storm damage or only theft?")).isZero();
        escalates("Is a cracked screen covered by the phone plan, or just faults?", false);
        assertThat(rulesScore("Why doesn't my policy cover the damage your driver caused?")).isNegative();
        assertThat(rulesScore("Is that covered? Your driver was rude and damaged my fence.")).isNegative();
    }

    @Test
    void aMessLeftAllOverTheCustomersThingsIsDamage() {
        assertThat(CLASSIFIER.problem("The decorators left paint all over the new carpet.").evidence())
                .anyMatch(e -> e.rule().equals("problem:LOST_BROKEN") && e.text().startsWith("left"));
        assertThat(CLASSIFIER.problem("I left my notes all over the desk again, oops.").evidence())
                .noneMatch(e -> e.rule().equals("problem:LOST_BROKEN"));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', textBlock = """
            We would love an answer about our missing deposit.
            The thermostat app has been offline for two days.
            The paddling pool arrived with a hole in it.
            The football came deflated and the pump was missing.
            The brochure didn't mention the resort fee.
            They put up the rent by 15% with no warning.
            """)
    void wishesThatDemandDevicesOfflineHolesAndUnmentionedTermsAreStatedProblems(String text) {
        assertThat(CLASSIFIER.problem(text).present()).as("%s", CLASSIFIER.problem(text).evidence()).isTrue();
        assertThat(rulesScore(text)).isNotPositive();
    }

    @Test
    void aProblemToldAsGoneIsRelief() {
        Verdict c = escalates("My knee pain is gone after the course, thank you!", false);
        assertThat(c.sentiment()).isEqualTo(SentimentLabel.POSITIVE);
        assertThat(rulesScore("The pain hasn't gone after six weeks.")).isNegative();
    }

    @Test
    void wordsThatNameAKindOfProductAreNoPraise() {
        assertThat(rulesScore("The smart meter was fitted on Monday.")).isZero();
        assertThat(rulesScore("Is the holiday cottage near the station?")).isZero();
    }

    @Test
    void aLoneWordOfPraiseOpeningAComplaintIsItsTone() {
        assertThat(escalates("Great, the printer jammed again and ate my boarding pass.", true).evidence())
                .anyMatch(e -> e.rule().equals("sarcasm"));
        assertThat(classify("Great, they refunded the double charge within the hour.").evidence())
                .noneMatch(e -> e.rule().equals("sarcasm"));
        assertThat(classify("Great, see you on Friday.").score()).isPositive();
    }

    @Test
    void aDemandOrASalutationAddressesSomeone() {
        assertThat(CLASSIFIER.problem("The quote took a month to arrive. Please explain.").evidence())
                .noneMatch(e -> e.rule().equals("problem:involvement") && e.weight() < ComplaintSignals.ADDRESSED);
        assertThat(CLASSIFIER.problem("Dear landlord, the boiler is broken again.").evidence())
                .anyMatch(e -> e.rule().equals("problem:involvement") && e.weight() == ComplaintSignals.ADDRESSED);
        assertThat(CLASSIFIER.problem("The striker may miss the cup final with a hamstring complaint.").evidence())
                .anyMatch(e -> e.rule().equals("problem:involvement") && e.weight() == ComplaintSignals.DETACHED);
        assertThat(CLASSIFIER.problem("Rail strike: services cancelled across the north.").evidence())
                .anyMatch(e -> e.rule().equals("problem:involvement") && e.weight() == ComplaintSignals.DETACHED);
    }

    private static Verdict escalates(String text, boolean expected) {
        Verdict c = classify(text);
        assertThat(c.escalate()).as("escalate %s", c.evidence()).isEqualTo(expected);
        return c;
    }
}
