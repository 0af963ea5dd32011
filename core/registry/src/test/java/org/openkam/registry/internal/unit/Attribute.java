package org.openkam.registry.internal.unit;

import org.osgi.service.metatype.AttributeDefinition;

/** A single-valued metatype attribute for tests, with options if given; validates nothing itself. */
class Attribute implements AttributeDefinition {

    private final String id;
    private final int type;
    private final String[] options;

    Attribute(String id, int type, String[] options) {
        this.id = id;
        this.type = type;
        this.options = options;
    }

    @Override
    public String getName() {
        return id;
    }

    @Override
    public String getID() {
        return id;
    }

    @Override
    public String getDescription() {
        return null;
    }

    @Override
    public int getCardinality() {
        return 0;
    }

    @Override
    public int getType() {
        return type;
    }

    @Override
    public String[] getOptionValues() {
        return options;
    }

    @Override
    public String[] getOptionLabels() {
        return options;
    }

    @Override
    public String validate(String value) {
        return null;
    }

    @Override
    public String[] getDefaultValue() {
        return null;
    }
}
