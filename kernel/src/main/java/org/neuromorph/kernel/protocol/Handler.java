package org.neuromorph.kernel.protocol;

import org.neuromorph.kernel.wire.Message;

/**
 * What answers one request type: it gets the request's content bound to a record of {@link Requests} (and the
 * message, whose header the replies and outputs name as their parent) and returns its reply's content, a record of
 * {@link Replies}, or null when the request has no reply (comm messages).
 */
interface Handler<R> {
    Class<R> content();

    Object handle(R content, Message request) throws Exception;

    /** A handler for a request type whose content it reads as {@code type}. */
    static <R> Handler<R> of(Class<R> type, Body<R> body) {
        return new Handler<>() {
            @Override
            public Class<R> content() {
                return type;
            }

            @Override
            public Object handle(R content, Message request) throws Exception {
                return body.handle(content, request);
            }
        };
    }

    @FunctionalInterface
    interface Body<R> {
        Object handle(R content, Message request) throws Exception;
    }
}
