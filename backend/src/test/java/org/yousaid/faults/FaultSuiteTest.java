package org.yousaid.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * The fault suite's short variants (a few phones for a few seconds each side of the fault);
 * {@code infra/faults/fault-suite.sh} runs them at length and prints the figures. What a family's
 * phone is promised holds under each: nothing acknowledged is lost or stored twice, nothing
 * hangs, every tagging job finishes once and every push is delivered once.
 */
class FaultSuiteTest {

    private static final FaultSuite.Load SHORT = new FaultSuite.Load(6, Duration.ofSeconds(4), Duration.ofSeconds(4),
            Duration.ofMillis(20));

    @Test
    void aServerKilledMidLoadAndStartedAgainLosesNothingAcknowledgedAndTagsEverythingOnce() throws Exception {
        FaultSuite.Figures figures = FaultSuite.serverKilled(SHORT);
        figures.print();
        assertStoredOnceAndTagged(figures);
        assertThat(figures.refused()).as("phones found the server gone").isPositive();
        assertThat(figures.recoverySeconds()).as("acknowledged again after the restart").isLessThan(30);
    }

    @Test
    void aTaggingWorkerKilledMidJobHasItsJobsLeasedAgainAndFinishedOnce() throws Exception {
        FaultSuite.Figures figures = FaultSuite.workerKilledMidJob(SHORT);
        figures.print();
        assertStoredOnceAndTagged(figures);
        assertThat(figures.jobsHeldAtFault()).as("jobs were under way when the worker died").isPositive();
        assertThat(figures.heldJobsFinishedAgain()).isEqualTo(figures.jobsHeldAtFault());
    }

    @Test
    void anExternalDatabaseRestartedMidLoadAnswers503WhileAwayAndIsUsedAgainWithoutRestartingYouSaid() throws Exception {
        FaultSuite.Figures figures = FaultSuite.databaseRestarted(SHORT, Duration.ofSeconds(3));
        figures.print();
        assertStoredOnceAndTagged(figures);
        assertThat(figures.unavailable()).as("phones were told it is away").isPositive();
        assertThat(figures.unavailableWithoutProblem()).isZero();
        assertThat(figures.slowest503Millis()).as("told at once, not after a hang").isLessThan(3_000);
        assertThat(figures.recoverySeconds()).isLessThan(15);
    }

    @Test
    void theEmbeddedDatabaseKilledMidLoadIsStartedAgainAndLosesNothingAcknowledged() throws Exception {
        FaultSuite.Figures figures = FaultSuite.embeddedDatabaseKilled(SHORT);
        figures.print();
        assertStoredOnceAndTagged(figures);
        assertThat(figures.recoverySeconds()).isLessThan(15);
    }

    @Test
    void pushesQueuedWhileFcmIsDownAreEachDeliveredOnceWhenItIsBack() throws Exception {
        PushFaults.Figures figures = PushFaults.fcmDown(200, Duration.ofSeconds(6));
        figures.print();
        assertThat(figures.refusedWhileDown()).as("FCM was really down").isPositive();
        assertThat(figures.delivered()).isEqualTo(figures.queued()).isEqualTo(200);
        assertThat(figures.duplicated()).isZero();
        assertThat(figures.failed()).isZero();
        assertThat(figures.drainSeconds()).isLessThan(60);
    }

    @Test
    void twoInstancesOnOneDatabaseNeverTagOrPushTwice() throws Exception {
        PushFaults.Figures figures = PushFaults.twoProcesses(300);
        figures.print();
        assertThat(figures.delivered()).isEqualTo(figures.queued()).isEqualTo(300);
        assertThat(figures.duplicated()).isZero();
        assertThat(figures.deliveredByInstance()).as("both instances sent").allSatisfy(n -> assertThat(n).isPositive());
        assertThat(figures.jobsDone()).as("a job per comment, all done").isEqualTo(30);
        assertThat(figures.jobsTakenTwice()).isZero();
        assertThat(figures.taggedTwice()).isZero();
    }

    private static void assertStoredOnceAndTagged(FaultSuite.Figures figures) {
        assertThat(figures.acknowledgedComments()).isPositive();
        assertThat(figures.acknowledgedAnswers()).isPositive();
        assertThat(figures.unexpected()).as("a phone's retry is never refused").isEmpty();
        assertThat(figures.hung()).as("no request hung past the phone's timeout").isZero();
        assertThat(figures.lost()).isZero();
        assertThat(figures.duplicated()).isZero();
        assertThat(figures.storedUnacknowledged()).isZero();
        assertThat(figures.jobsUnfinished()).isZero();
        assertThat(figures.jobsFailed()).isZero();
        assertThat(figures.untagged()).isZero();
        assertThat(figures.taggedTwice()).isZero();
    }
}
