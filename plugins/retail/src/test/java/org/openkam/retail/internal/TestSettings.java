package org.openkam.retail.internal;

/** A unit's retail configuration without ConfigurationAdmin, for the tests and the benchmark. */
final class TestSettings {

    private TestSettings() {
    }

    static RetailSettings.Config of(boolean compound, int weeks) {
        return new RetailSettings.Config() {
            @Override public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return RetailSettings.Config.class;
            }
            @Override public String businessUnit() {
                return "*";
            }
            @Override public boolean enabled() {
                return true;
            }
            @Override public boolean discounts_compound() {
                return compound;
            }
            @Override public int baseline_weeks() {
                return weeks;
            }
        };
    }
}
