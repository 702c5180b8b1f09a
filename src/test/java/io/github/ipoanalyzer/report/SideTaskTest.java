package io.github.ipoanalyzer.report;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SideTaskTest {

    @Test
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
    void closeWaitsForThePartToEndSoThatNothingWritesIntoAFolderBeingRemoved() {
        AtomicBoolean ended = new AtomicBoolean();
        SideTask task = SideTask.start("report.xlsx", true, () -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            ended.set(true);
        });
        task.close();
        assertTrue(ended.get());
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
