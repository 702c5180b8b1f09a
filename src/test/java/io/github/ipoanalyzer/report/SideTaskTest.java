package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideTaskTest {

    @Test
    @Timeout(10)
    void aPartWrittenOnItsOwnThreadRunsBesideTheCallerAndItsFailureIsThrownByFinish() throws Exception {
        CountDownLatch callerWorking = new CountDownLatch(1);
        AtomicReference<String> thread = new AtomicReference<>();
        SideTask task = SideTask.start("report.xlsx", true, () -> {
            thread.set(Thread.currentThread().getName());
            try {
                callerWorking.await(); // proceeds only while the caller goes on: the two run at once
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            throw new IOException("disk full");
        });
        callerWorking.countDown();
        assertEquals("disk full", assertThrows(IOException.class, task::finish).getMessage());
        assertEquals("report.xlsx", thread.get());
    }

    @Test
    @Timeout(10)
    void abandonStopsThePartAndWaitsForItToEndSoThatNothingWritesIntoAFolderBeingRemoved() {
        AtomicBoolean ended = new AtomicBoolean();
        CountDownLatch started = new CountDownLatch(1);
        SideTask task = SideTask.start("report.xlsx", true, () -> {
            started.countDown();
            try {
                Thread.sleep(60_000); // a long write, interrupted
            } catch (InterruptedException e) {
                pause(200); // what it still does after the interruption, before it ends
                ended.set(true);
                throw new IOException("the workbook's own failure");
            }
        });
        assertDoesNotThrow(() -> started.await());
        IOException charts = new IOException("the charts failed");
        task.abandon(charts);
        assertTrue(ended.get(), "abandon returned before the part ended");
        assertEquals(List.of("the workbook's own failure"),
                Arrays.stream(charts.getSuppressed()).map(Throwable::getMessage).toList());
    }

    @Test
    void thePartsOwnFailureIsNotAddedToItself() {
        SideTask task = SideTask.start("report.xlsx", true, () -> {
            throw new IOException("disk full");
        });
        IOException failure = assertThrows(IOException.class, task::finish);
        task.abandon(failure);
        assertEquals(0, failure.getSuppressed().length);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void withOneThreadThePartIsWrittenAtOnceOnTheCallersThread() throws IOException {
        AtomicReference<Thread> thread = new AtomicReference<>();
        SideTask task = SideTask.start("report.xlsx", false, () -> thread.set(Thread.currentThread()));
        assertSame(Thread.currentThread(), thread.get());
        task.finish();
        RuntimeException failure = new IllegalArgumentException("bad cell");
        SideTask failing = SideTask.start("report.xlsx", false, () -> {
            throw failure;
        });
        assertSame(failure, assertThrows(IllegalArgumentException.class, failing::finish));
    }
}
