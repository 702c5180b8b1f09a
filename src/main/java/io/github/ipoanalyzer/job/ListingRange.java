package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.report.ReportFolder;
import io.github.ipoanalyzer.report.ReportPartWriter;
import io.github.ipoanalyzer.report.ReportParts;
import io.github.ipoanalyzer.report.ListingPart;
import io.github.ipoanalyzer.report.ReportPublisher;
import io.github.ipoanalyzer.report.ReportRun;
import io.github.ipoanalyzer.report.SeriesCarry;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemProcessor;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

import java.io.IOException;

/**
 * The chunk-oriented step of one report partition (see {@link ListingRangePartitioner}): reads
 * the indexes of its listings, computes each listing, and appends it to the partition's file,
 * which records how far it got (a partition resumed after a stop, a crash or a killed worker
 * goes on after the listings the file holds). Each chunk's commit tells the manager that the
 * partition is alive.
 */
final class ListingRange {

    private ListingRange() {
    }

    /** Computes one listing of the run, with the settings of the manager that made the partition. */
    static final class Compute implements ItemProcessor<Integer, ListingPart> {
        private final ReportPublisher publisher;
        private final ReportRun run;
        private final long execution;
        private final ReportProgress progress;
        private final int total;
        private final SeriesCarry carry;

        Compute(PartitionPublishers publishers, StepExecution step, String version, ReportProgress progress) {
            this.publisher = publishers.forSettings(ListingRangePartitioner.settings(step.getExecutionContext()));
            this.run = PublishReportTasklet.reportRun(step, RunParameters.from(step.getJobParameters()), version);
            this.execution = step.getJobExecutionId();
            this.progress = progress;
            this.total = step.getExecutionContext().getInt(ListingRangePartitioner.TOTAL);
            this.carry = ListingRangePartitioner.carry(step.getExecutionContext());
        }

        @Override
        public ListingPart process(Integer index) {
            ListingPart part = publisher.listing(run, execution, index, carry);
            progress.listingDone(total);
            return part;
        }
    }

    /**
     * The partition's file, which is both where its listings go and the record of how far it got:
     * it reads the indexes of the partition's listings that the file does not hold yet, and
     * appends each chunk's listings to it. Opened once for both roles.
     */
    static class PartitionFile implements ItemStreamReader<Integer>, ItemStreamWriter<ListingPart> {
        private final ReportParts parts;
        private final int partition;
        private final String header;
        private final int to;
        private final int from;
        private ReportPartWriter writer;
        private int next;

        PartitionFile(StepExecution step, String version) {
            RunParameters run = RunParameters.from(step.getJobParameters());
            ExecutionContext range = step.getExecutionContext();
            this.parts = new ReportFolder(run.outputDir()).parts(run.runSequence());
            this.partition = range.getInt(ListingRangePartitioner.PARTITION);
            this.from = range.getInt(ListingRangePartitioner.FROM);
            this.to = range.getInt(ListingRangePartitioner.TO);
            this.header = String.join("|", version, run.identity(), String.valueOf(from), String.valueOf(to),
                    "series from " + ListingRangePartitioner.carry(range).fromMonth().map(String::valueOf).orElse("the first month"));
        }

        @Override
        public void open(ExecutionContext context) {
            if (writer != null) {
                return;
            }
            try {
                writer = parts.write(partition, header);
            } catch (IOException e) {
                throw new ItemStreamException("cannot write the report partition " + partition + ": " + e.getMessage(), e);
            }
            next = from + writer.listingsBefore();
        }

        @Override
        public Integer read() {
            return next < to ? next++ : null;
        }

        @Override
        public void write(Chunk<? extends ListingPart> chunk) throws IOException {
            for (ListingPart listing : chunk) {
                writer.add(listing);
            }
            if (next == to) {
                writer.sync();
            }
        }

        @Override
        public void close() {
            try {
                if (writer != null) {
                    writer.close();
                    writer = null;
                }
            } catch (IOException e) {
                throw new ItemStreamException("cannot close the report partition " + partition, e);
            }
        }
    }
}
