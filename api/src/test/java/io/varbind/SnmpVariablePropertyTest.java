package io.varbind;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of easysnmp's index splitting and repr: total on any input, and joining undoes splitting. */
class SnmpVariablePropertyTest {

    @Property(tries = 500)
    void anyTextSplitsAndPrintsWithoutError(@ForAll String oid, @ForAll String value) {
        SnmpVariable v = new SnmpVariable(oid, null, value, null);
        v.toString();
        v.name();
    }

    @Provide
    Arbitrary<String> descriptors() {
        return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(12);
    }

    @Provide
    Arbitrary<String> indexes() {
        return Arbitraries.integers().between(0, 100000).list().ofMinSize(1).ofMaxSize(5)
                .map(l -> String.join(".", l.stream().map(String::valueOf).toList()));
    }

    @Property(tries = 300)
    void symbolicNameAndNumericIndexRoundTrip(@ForAll("descriptors") String name, @ForAll("indexes") String index) {
        SnmpVariable v = new SnmpVariable(name + "." + index, null, null, null);
        assertEquals(name, v.oid());
        assertEquals(index, v.oidIndex());
        assertEquals(name + "." + index, v.name());
    }
}
