package org.openkam.api;

import java.util.List;
import java.util.Objects;

/**
 * One page of a listing.
 *
 * @param items the page's items
 * @param nextCursor the opaque cursor for the next page, or {@code null} on the last page
 * @param total the number of matching items when it was asked for, otherwise {@code -1}
 */
public record Page<T>(List<T> items, String nextCursor, long total) {

    public Page {
        items = List.copyOf(Objects.requireNonNull(items, "items"));
    }
}
