package org.openkam.registry.internal.configuration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class ComponentUptakeTest {

    @Test
    void aRefusalIsTheInnermostExceptionsMessageOfTheRuntimesStackTrace() {
        // as Felix SCR reports a constructor that threw
        String failure = """
                org.osgi.service.component.ComponentException: Error during instantiation of the implementation object
                \tat org.apache.felix.scr.impl.inject.internal.ComponentConstructorImpl.newInstance(ComponentConstructorImpl.java:327)
                \t... 30 more
                Caused by: java.lang.reflect.InvocationTargetException
                \tat java.base/jdk.internal.reflect.NativeConstructorAccessorImpl.newInstance0(Native Method)
                Caused by: java.lang.IllegalArgumentException: cut-offs must satisfy 0 < A <= B <= 100 (%)
                \tat org.openkam.scoring.internal.model.AbcModel.<init>(AbcModel.java:83)
                """;
        assertEquals("cut-offs must satisfy 0 < A <= B <= 100 (%)", ComponentUptake.reason(failure));
        assertEquals("the window: must be at least 1: a day", ComponentUptake.reason(
                "java.lang.IllegalStateException: the window: must be at least 1: a day\n\tat x.Y.z(Y.java:1)"));
        assertEquals("java.lang.NullPointerException", ComponentUptake.reason(
                "org.osgi.service.component.ComponentException: activation failed\nCaused by: "
                        + "java.lang.NullPointerException\n\tat x.Y.z(Y.java:1)"), "no message: the exception's name");
        assertEquals("its component could not be activated with these values", ComponentUptake.reason(null));
    }

    @Test
    void valuesCompareAsTextWhateverTheirType() {
        assertEquals(ComponentUptake.text("70.0"), ComponentUptake.text(70.0));
        assertEquals(ComponentUptake.text("a,b"), ComponentUptake.text(new String[] {"a", "b"}));
        assertEquals(ComponentUptake.text("1,2"), ComponentUptake.text(List.of(1, 2)));
        assertEquals("", ComponentUptake.text(null));
    }
}
