package org.openkam.demo.internal;

import java.util.concurrent.CountDownLatch;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkEvent;
import org.osgi.framework.FrameworkListener;

/**
 * The moment the framework has started (its {@code STARTED} event, or at once if it is active already). Background
 * work that can wait for it leaves the cores to the start, which is one thread loading classes.
 */
final class FrameworkStart {

    private final CountDownLatch started = new CountDownLatch(1);
    private final BundleContext context;
    private final FrameworkListener listener = event -> {
        if (event.getType() == FrameworkEvent.STARTED) {
            started.countDown();
        }
    };

    FrameworkStart(BundleContext context) {
        this.context = context;
        context.addFrameworkListener(listener);
        // after adding the listener, so a start between the two is seen one way or the other
        if (context.getBundle(Constants.SYSTEM_BUNDLE_ID).getState() == Bundle.ACTIVE) {
            started.countDown();
        }
    }

    /** Returns once the framework has started or {@link #release} was called. */
    void await() throws InterruptedException {
        started.await();
    }

    /** Lets {@link #await} return now, whether the framework started or not (its caller is stopping). */
    void release() {
        started.countDown();
        try {
            context.removeFrameworkListener(listener);
        } catch (IllegalStateException e) {
            // the bundle stopped already, which removed the listener
        }
    }
}
