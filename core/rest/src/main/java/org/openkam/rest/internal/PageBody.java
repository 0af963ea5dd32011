package org.openkam.rest.internal;

import java.util.List;

import org.openkam.api.Page;

/** A listing page on the wire; {@code total} only when asked for with {@code total=true}. */
record PageBody<T>(List<T> items, String nextCursor, Long total) {

    static <T> PageBody<T> of(Page<T> page) {
        return new PageBody<>(page.items(), page.nextCursor(), page.total() < 0 ? null : page.total());
    }
}
