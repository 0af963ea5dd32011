package org.openkam.api.job;

import org.openkam.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Job progress, readable by the user who started the job and by administrators. */
@ProviderType
public interface Jobs {

    Job get(Caller caller, String id);
}
