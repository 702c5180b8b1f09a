package io.github.ipoanalyzer.job;

import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.batch.infrastructure.item.file.ResourceAwareItemReaderItemStream;
import org.springframework.core.io.Resource;

/**
 * A {@link MultiResourceItemReader} that can be reopened after its last file. A step stopped at
 * the chunk boundary just after its reader passed the last file (the stop signal at that moment)
 * saves the index past the end, where Spring Batch's reader fails to reopen
 * (ArrayIndexOutOfBoundsException), and every resume of the run with it: reopened there, this
 * one has nothing left to read. It also saves how many files it had, and refuses to resume over
 * another number: a saved index means "this many files read" only over the same files (a run
 * whose inputs changed is abandoned, not resumed, so this guards what must not happen).
 */
final class FilesReader<T> extends MultiResourceItemReader<T> {

    private static final String RESOURCE_KEY = "resourceIndex";
    private static final String COUNT_KEY = "resourceCount";

    private int resourceCount;
    private boolean pastTheLast;

    FilesReader(ResourceAwareItemReaderItemStream<? extends T> delegate) {
        super(delegate);
    }

    @Override
    public void setResources(Resource[] resources) {
        super.setResources(resources);
        resourceCount = resources.length;
    }

    @Override
    public void open(ExecutionContext executionContext) {
        int saved = executionContext.getInt(getExecutionContextKey(COUNT_KEY), resourceCount);
        if (saved != resourceCount) {
            throw new ItemStreamException("the step stopped with " + saved + " file(s) to read and resumes with "
                    + resourceCount + ": its saved place in them means nothing now");
        }
        pastTheLast = resourceCount > 0 && executionContext.getInt(getExecutionContextKey(RESOURCE_KEY), -1) >= resourceCount;
        if (!pastTheLast) {
            super.open(executionContext);
        }
    }

    @Override
    public T read() throws Exception {
        return pastTheLast ? null : super.read();
    }

    @Override
    public void update(ExecutionContext executionContext) {
        if (!pastTheLast) {
            super.update(executionContext); // past the last, the saved index stays as it was
        }
        executionContext.putInt(getExecutionContextKey(COUNT_KEY), resourceCount);
    }

    @Override
    public void close() {
        if (!pastTheLast) {
            super.close();
        }
    }
}
