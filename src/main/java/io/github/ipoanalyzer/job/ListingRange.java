package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.ReportFolder;
import io.github.ipoanalyzer.report.ReportParts;
import io.github.ipoanalyzer.report.ReportPublisher;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

import java.io.IOException;

/**
 * The chunk-oriented step of one report partition (see {@link ListingRangePartitioner}): reads
 * the indexes of its listings, computes each listing, and appends it to the partition's file.
 * A chunk's commit records how far the reader and the file got, so a partition resumed after a
 * crash, a stop or a killed worker goes on from its last chunk; each commit also tells the
 * manager that the partition is alive.
 */
final class ListingRange {

    private ListingRange() {
    }

    /** The listings of the partition, by index in the report's listing order; restartable by count. */
    static final class Indexes extends AbstractItemCountingItemStreamItemReader<Integer> {
        private final int from;

        Indexes(StepExecution step) {
            ExecutionContext range = step.getExecutionContext();
            this.from = range.getInt(ListingRangePartitioner.FROM);
            setName("listings");
            setMaxItemCount(range.getInt(ListingRangePartitioner.TO) - from);
        }

        @Override
        protected Integer doRead() {
            return from + getCurrentItemCount() - 1;
        }

        @Override
        protected void doOpen() {
        }

        @Override
        protected void doClose() {
        }
    }

    /** Computes one listing of the run. */
    static final class Compute implements ItemProcessor<Integer, ReportPublisher.ListingPart> {
        private final ReportPublisher publisher;
        private final ReportPublisher.Run run;
        private final long execution;
        private final ReportProgress progress;
        private final int total;

        Compute(ReportPublisher publisher, StepExecution step, String version, ReportProgress progress) {
            this.publisher = publisher;
            this.run = PublishReportTasklet.reportRun(step, RunParameters.from(step.getJobParameters()), version);
            this.execution = step.getJobExecutionId();
            this.progress = progress;
            this.total = step.getExecutionContext().getInt(ListingRangePartitioner.TOTAL);
        }

        @Override
        public ReportPublisher.ListingPart process(Integer index) {
            ReportPublisher.ListingPart part = publisher.listing(run, execution, index);
            progress.listingDone(total);
            return part;
        }
    }

    /** Appends the chunk's listings to the partition's file, synced before the chunk commits with its length. */
    static final class PartFile implements ItemStreamWriter<ReportPublisher.ListingPart> {
        private static final String COMMITTED_BYTES = "part.bytes";

        private final ReportParts parts;
        private final int partition;
        private ReportParts.Writer writer;
        private long length;

        PartFile(StepExecution step) {
            RunParameters run = RunParameters.from(step.getJobParameters());
            this.parts = new ReportFolder(run.outputDir()).parts(run.runSequence());
            this.partition = step.getExecutionContext().getInt(ListingRangePartitioner.PARTITION);
        }

        @Override
        public void open(ExecutionContext context) {
            length = context.getLong(COMMITTED_BYTES, 0L);
            try {
                writer = parts.write(partition, length);
            } catch (IOException e) {
                throw new ItemStreamException("cannot write the report partition " + partition + ": " + e.getMessage(), e);
            }
        }

        @Override
        public void write(Chunk<? extends ReportPublisher.ListingPart> chunk) throws IOException {
            for (ReportPublisher.ListingPart listing : chunk) {
                writer.add(listing);
            }
            length = writer.sync();
        }

        @Override
        public void update(ExecutionContext context) {
            context.putLong(COMMITTED_BYTES, length);
        }

        @Override
        public void close() {
            try {
                if (writer != null) {
                    writer.close();
                }
            } catch (IOException e) {
                throw new ItemStreamException("cannot close " + writer.file(), e);
            }
        }
    }
}
