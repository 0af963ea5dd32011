package org.openkam.console.internal.shell;

import org.openkam.api.console.ConsolePage;
import org.osgi.service.component.annotations.Component;

/** Account import from CSV with upload and job progress and the bad lines of the result. */
@Component
public final class ImportPage implements ConsolePage {

    @Override
    public String id() {
        return "import";
    }

    @Override
    public String title() {
        return "Import";
    }

    @Override
    public String group() {
        return "Administration";
    }

    @Override
    public int order() {
        return 920;
    }

    @Override
    public String moduleUrl() {
        return "/console/pages/import.js";
    }
}
