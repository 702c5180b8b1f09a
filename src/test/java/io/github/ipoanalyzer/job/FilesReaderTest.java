package io.github.ipoanalyzer.job;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.file.FlatFileItemReader;
import org.springframework.batch.infrastructure.item.file.MultiResourceItemReader;
import org.springframework.batch.infrastructure.item.file.mapping.PassThroughLineMapper;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A step stopped at the chunk boundary right after its reader passed its last file (a stop signal
 * at that moment) saved a file index past the end: the restarted step must find nothing left to
 * read. Spring Batch's own reader cannot be reopened there.
 */
class FilesReaderTest {

    @TempDir
    Path dir;

    @Test
    void aReaderStoppedAfterItsLastFileIsReopenedWithNothingLeftToRead() throws Exception {
        Resource[] files = {file("a.csv", "1\n2\n"), file("b.csv", "3\n")};
        ExecutionContext saved = new ExecutionContext();
        FilesReader<String> first = reader(files);
        first.open(new ExecutionContext());
        List<String> read = new ArrayList<>();
        for (String line = first.read(); line != null; line = first.read()) {
            read.add(line);
        }
        first.update(saved); // the last chunk's commit, then the stop
        first.close();
        assertEquals(List.of("1", "2", "3"), read);
        assertEquals(2, saved.getInt("files.resourceIndex"), "the index past the last of the 2 files");

        MultiResourceItemReader<String> library = new MultiResourceItemReader<>(lines());
        library.setName("files");
        library.setResources(files);
        assertThrows(ArrayIndexOutOfBoundsException.class, () -> library.open(saved));

        FilesReader<String> resumed = reader(files);
        resumed.open(saved);
        assertNull(resumed.read());
        ExecutionContext after = new ExecutionContext(saved);
        resumed.update(after);
        resumed.close();
        assertEquals(2, after.getInt("files.resourceIndex"));
    }

    @Test
    void aReaderStoppedWithinItsFilesGoesOnFromWhereItWas() throws Exception {
        Resource[] files = {file("a.csv", "1\n2\n"), file("b.csv", "3\n")};
        FilesReader<String> first = reader(files);
        first.open(new ExecutionContext());
        assertEquals("1", first.read());
        assertEquals("2", first.read());
        ExecutionContext saved = new ExecutionContext();
        first.update(saved);
        first.close();

        FilesReader<String> resumed = reader(files);
        resumed.open(saved);
        assertEquals("3", resumed.read());
        assertNull(resumed.read());
        resumed.close();
    }

    @Test
    void aReaderResumedOverAnotherNumberOfFilesRefusesWithTheCounts() throws Exception {
        Resource[] two = {file("a.csv", "1\n2\n"), file("c.csv", "4\n")};
        FilesReader<String> first = reader(two);
        first.open(new ExecutionContext());
        first.read();
        first.read();
        first.read(); // the first of c.csv: the saved index is 1 ("a.csv read")
        ExecutionContext saved = new ExecutionContext();
        first.update(saved);
        first.close();
        assertEquals(2, saved.getInt("files.resourceCount"));

        // b.csv sorts between them: index 1 would now skip it unread.
        Resource[] three = {two[0], file("b.csv", "3\n"), two[1]};
        ItemStreamException refused = assertThrows(ItemStreamException.class, () -> reader(three).open(saved));
        assertEquals("the step stopped with 2 file(s) to read and resumes with 3: its saved place in them means "
                + "nothing now", refused.getMessage());
    }

    private static FilesReader<String> reader(Resource[] files) {
        FilesReader<String> reader = new FilesReader<>(lines());
        reader.setName("files");
        reader.setResources(files);
        return reader;
    }

    private static FlatFileItemReader<String> lines() {
        FlatFileItemReader<String> lines = new FlatFileItemReader<>(new PassThroughLineMapper());
        lines.setName("lines");
        return lines;
    }

    private Resource file(String name, String text) throws Exception {
        return new FileSystemResource(Files.writeString(dir.resolve(name), text));
    }
}
