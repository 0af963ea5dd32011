package org.openkam.registry.internal.unit;

import java.io.InputStream;
import java.util.List;

import org.osgi.service.metatype.AttributeDefinition;
import org.osgi.service.metatype.ObjectClassDefinition;

/** A metatype definition for tests: every attribute optional. */
record Definition(String id, List<AttributeDefinition> attributes) implements ObjectClassDefinition {

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
    public AttributeDefinition[] getAttributeDefinitions(int filter) {
        return filter == REQUIRED ? new AttributeDefinition[0] : attributes.toArray(new AttributeDefinition[0]);
    }

    @Override
    public InputStream getIcon(int size) {
        return null;
    }
}
