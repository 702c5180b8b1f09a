package io.github.ipoanalyzer.job;

import io.github.ipoanalyzer.ingest.InputKinds;
import io.github.ipoanalyzer.store.DatabaseCheckpoints;
import io.github.ipoanalyzer.store.InputFileLedger;
import io.github.ipoanalyzer.store.MarketDataStore;
import io.github.ipoanalyzer.store.SchemaLock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchDataSourceScriptDatabaseInitializer;
import org.springframework.boot.batch.jdbc.autoconfigure.BatchJdbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;
import java.util.List;

/** The analysis tables and the ledger of the input files whose rows are in them, shaped by the input kinds. */
@Configuration
public class StoreConfiguration {

    /** The analysis tables, with the tables of loaded rows as the input kinds declare them. */
    @Bean
    public MarketDataStore marketDataStore(DataSource dataSource) {
        return new MarketDataStore(dataSource, InputKinds.tables());
    }

    /** The ledger; a change of the listings or the calendars makes every file be parsed again. */
    @Bean
    public InputFileLedger inputFileLedger(DataSource dataSource) {
        return new InputFileLedger(dataSource, InputKinds.tables(),
                List.of(InputKinds.LISTINGS.path(), InputKinds.CALENDARS.path()));
    }

    /**
     * A connection for every thread the settings start, set on the pool as it is made: before the
     * schema's creation, which on PostgreSQL holds two connections (see {@link SchemaLock}).
     */
    @Bean
    public static BeanPostProcessor connectionPoolSize(ObjectProvider<IpoSettings> settings) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource dataSource) {
                    ConnectionPoolSize.fit(dataSource, settings.getObject());
                }
                return bean;
            }
        };
    }

    /**
     * Spring Batch's schema, created as Spring Boot does ({@code spring.batch.jdbc.*}) but one
     * process at a time on a shared database, like the analysis tables (see {@link SchemaLock}).
     */
    @Bean
    public BatchDataSourceScriptDatabaseInitializer batchDataSourceInitializer(DataSource dataSource,
                                                                              BatchJdbcProperties properties) {
        return new BatchDataSourceScriptDatabaseInitializer(dataSource, properties) {
            @Override
            public boolean initializeDatabase() {
                return SchemaLock.holding(dataSource, super::initializeDatabase);
            }
        };
    }

    /** When the database writes its log into its data files: between the job's steps (see {@link DatabaseCheckpoints}). */
    @Bean
    public DatabaseCheckpoints databaseCheckpoints(DataSource dataSource) {
        return new DatabaseCheckpoints(dataSource);
    }

    /**
     * Creates the analysis tables on first use (the job repository's schema is Spring Batch's),
     * and turns the database's own checkpoints off: the job makes them between its steps.
     */
    @Bean
    public InitializingBean analysisSchema(MarketDataStore store, DatabaseCheckpoints checkpoints) {
        return () -> {
            store.createTablesIfMissing();
            checkpoints.takeOver();
        };
    }
}
