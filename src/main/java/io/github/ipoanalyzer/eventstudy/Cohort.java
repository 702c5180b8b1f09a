package io.github.ipoanalyzer.eventstudy;

import io.github.ipoanalyzer.market.CohortMember;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/** A group of listings to compare: all, one exchange, one listing year, or a named list. */
public record Cohort(String name, String definition, List<String> tickers) {

    /**
     * The named cohorts of cohorts.csv, by name, each with its members among {@code listed} (the
     * report's listings as of its day): a later IPO named there is not named before it lists.
     */
    public static List<Cohort> named(List<CohortMember> members, Collection<String> listed) {
        Set<String> known = Set.copyOf(listed);
        return members.stream().map(CohortMember::cohort).distinct().sorted().map(name -> new Cohort(name,
                "named in cohorts.csv", members.stream().filter(m -> m.cohort().equals(name)).map(CohortMember::ticker)
                .filter(known::contains).toList())).toList();
    }
}
