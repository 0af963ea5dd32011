package org.openkam.demo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/** Against a real Felix framework, held between its initialisation and its start as the product's start holds it. */
class FrameworkStartTest {

    @TempDir
    Path storage;
    private Framework framework;

    @AfterEach
    void stop() throws Exception {
        framework.stop();
        framework.waitForStop(10_000);
    }

    @Test
    void waitsWhileTheFrameworkIsStartingAndGoesOnOnceItHasStarted() throws Exception {
        initialised();
        FrameworkStart start = new FrameworkStart(framework.getBundleContext());
        CompletableFuture<Void> waiting = awaiting(start);

        assertThrows(TimeoutException.class, () -> waiting.get(300, TimeUnit.MILLISECONDS));
        framework.start();
        waiting.get(10, TimeUnit.SECONDS);
        assertEquals(Bundle.ACTIVE, framework.getState());
    }

    @Test
    void goesOnAtOnceWhenTheFrameworkHasStartedAlready() throws Exception {
        initialised();
        framework.start();

        awaiting(new FrameworkStart(framework.getBundleContext())).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aReleaseEndsTheWaitOfAFrameworkThatHasNotStarted() throws Exception {
        initialised();
        FrameworkStart start = new FrameworkStart(framework.getBundleContext());
        CompletableFuture<Void> waiting = awaiting(start);

        start.release();
        waiting.get(10, TimeUnit.SECONDS);
        assertEquals(Bundle.STARTING, framework.getState());
    }

    private void initialised() throws Exception {
        framework = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow().newFramework(Map.of(
                Constants.FRAMEWORK_STORAGE, storage.toString(),
                Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
        framework.init();
        assertEquals(Bundle.STARTING, framework.getState());
    }

    private static CompletableFuture<Void> awaiting(FrameworkStart start) {
        return CompletableFuture.runAsync(() -> {
            try {
                start.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }
}
