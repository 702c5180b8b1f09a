package io.github.ipoanalyzer.job;

import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

import java.util.concurrent.atomic.AtomicInteger;

/** Says at the end of the test run how many tests against the real PostgreSQL and RabbitMQ ran. */
public final class ServerTestCount implements TestExecutionListener {

    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (test.isTest() && test.getTags().contains(TestTag.create("server"))) {
            (result.getStatus() == TestExecutionResult.Status.ABORTED ? skipped : ran).incrementAndGet();
        }
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest() && test.getTags().contains(TestTag.create("server"))) {
            skipped.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        if (ran.get() + skipped.get() > 0) {
            System.out.println("Server tests (PostgreSQL, RabbitMQ): " + ran.get() + " ran, " + skipped.get()
                    + " skipped for want of a server.");
        }
    }
}
