package io.github.ipoanalyzer.store;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every listing's kept estimation sums read in one query give what was saved for each, the latest save of each. */
class EstimationSumsStoreTest {

    @Test
    void everyKeptStateIsReadAtOnceAsSaved() {
        SimpleDriverDataSource db = new SimpleDriverDataSource(new org.hsqldb.jdbc.JDBCDriver(),
                "jdbc:hsqldb:mem:sums" + System.nanoTime(), "SA", "");
        new MarketDataStore(db, List.of()).createTablesIfMissing();
        EstimationSumsStore store = new EstimationSumsStore(db);
        assertTrue(store.loadAll().isEmpty());

        store.save("A", new byte[] {1, 2, 3});
        store.save("B", new byte[] {9});
        store.save("A", new byte[] {4, 5}); // kept again by a later run: replaces the first

        Map<String, byte[]> all = store.loadAll();
        assertEquals(2, all.size());
        assertArrayEquals(new byte[] {4, 5}, all.get("A"));
        assertArrayEquals(new byte[] {9}, all.get("B"));
    }
}
