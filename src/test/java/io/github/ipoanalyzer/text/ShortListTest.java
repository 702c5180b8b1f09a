package io.github.ipoanalyzer.text;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ShortListTest {

    @Test
    void upToTheLimitEveryNameThenHowManyMore() {
        assertEquals("a.csv, b.csv", ShortList.of(List.of("a.csv", "b.csv"), 2));
        List<String> many = IntStream.range(0, 1_203).mapToObj(i -> "p" + i).toList();
        assertEquals("p0, p1, p2 and 1,200 more", ShortList.of(many, 3));
        assertEquals("", ShortList.of(List.of(), 10));
    }
}
