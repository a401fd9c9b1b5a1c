package io.github.asyncinvokelister.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;

/**
 * A listing as a Reactive Streams publisher. Each subscription walks a listing of its own with a {@link PageWalker},
 * the same state machine as a blocking listing, making each of the walker's requests through an
 * {@link AsyncPageSource}:
 * <ul>
 *   <li>no request before demand, and a new one only when the elements of the last page are all delivered and more
 *       are wanted, so at most one request is in flight and at most one page is held;</li>
 *   <li>signals come from one drain loop at a time, on the thread that asked for more or the one the response
 *       completed on, which never waits; a {@code request(1)} from {@code onNext} adds to the loop's work instead of
 *       recursing, so the stack does not grow however long the page;</li>
 *   <li>{@code cancel()} cancels the request in flight, and the subscriber is let go.</li>
 * </ul>
 * It is cold: each subscriber gets the whole listing, from its own requests.
 *
 * @param <T> the walker's item type
 * @param <E> the element type: items, or pages
 */
public final class ListingPublisher<T, E> implements SdkPublisher<E> {
    private final Supplier<Listing<T>> listings;
    private final Function<WalkedPage<T>, List<E>> elements;

    /**
     * Creates a publisher.
     *
     * @param listings a new listing for each subscription; what it throws (a closed lister) is signalled as
     *     {@code onError} right after {@code onSubscribe}
     * @param elements the elements a page makes, in order
     */
    ListingPublisher(Supplier<Listing<T>> listings, Function<WalkedPage<T>, List<E>> elements) {
        this.listings = listings;
        this.elements = elements;
    }

    @Override
    public void subscribe(Subscriber<? super E> subscriber) {
        Objects.requireNonNull(subscriber, "subscriber"); // Reactive Streams rule 1.9
        Listing<T> listing;
        try {
            listing = listings.get();
        } catch (RuntimeException e) {
            subscriber.onSubscribe(Cancelled.INSTANCE);
            subscriber.onError(e);
            return;
        }
        new ListingSubscription<>(subscriber, listing, elements).start();
    }

    /**
     * One subscription's walk.
     *
     * @param walker the state machine, used by nobody else
     * @param source where its requests go
     * @param <T> the item type
     */
    record Listing<T>(PageWalker<T> walker, AsyncPageSource<T> source) {
    }

    /** The subscription of a publisher that cannot start: it is over before it began. */
    private enum Cancelled implements Subscription {
        INSTANCE;

        @Override
        public void request(long n) {
        }

        @Override
        public void cancel() {
        }
    }

    private static final class ListingSubscription<T, E> implements Subscription {
        private final PageWalker<T> walker;
        private final AsyncPageSource<T> source;
        private final Function<WalkedPage<T>, List<E>> elements;
        private final AtomicLong requested = new AtomicLong();
        /** The drain loop's work count: whoever raises it from 0 runs the loop until it is 0 again. */
        private final AtomicInteger work = new AtomicInteger();
        private volatile boolean cancelled;
        private volatile IllegalArgumentException badRequest;
        private volatile CompletableFuture<PageSource.Page<T>> inFlight;
        /** The answer to the request in flight: set by the thread it completed on, then read by the loop. */
        private volatile boolean answered;
        private volatile PageSource.Page<T> response;
        private volatile Throwable failure;

        // Only the drain loop touches these, and the walker.
        private Subscriber<? super E> downstream;
        private PageWalker.Request request;
        private List<E> buffer = List.of();
        private int index;
        private boolean done;

        ListingSubscription(Subscriber<? super E> downstream, Listing<T> listing,
                Function<WalkedPage<T>, List<E>> elements) {
            this.downstream = downstream;
            this.walker = listing.walker();
            this.source = listing.source();
            this.elements = elements;
        }

        /**
         * Signals {@code onSubscribe} as the drain loop's owner, so that no signal can overlap it (rule 1.3) even when
         * it asks for items and they come on another thread before it returns; then runs what it asked for.
         */
        void start() {
            work.set(1);
            try {
                downstream.onSubscribe(this);
            } catch (RuntimeException e) {
                // Rule 2.13: a subscriber must not throw; this one is treated as having cancelled.
                cancelled = true;
                throw e;
            } finally {
                loop();
            }
        }

        @Override
        public void request(long n) {
            if (n <= 0) {
                badRequest = new IllegalArgumentException(
                        "Reactive Streams rule 3.9: request(n) needs a positive n, not " + n);
            } else {
                requested.getAndUpdate(r -> r + n < 0 ? Long.MAX_VALUE : r + n);
            }
            drain();
        }

        @Override
        public void cancel() {
            cancelled = true;
            CompletableFuture<?> call = inFlight;
            if (call != null) {
                call.cancel(true);
            }
            drain();
        }

        private void drain() {
            if (work.getAndIncrement() == 0) {
                loop();
            }
        }

        /** Runs {@link #step()} until no work was added meanwhile; only the one who raised the count from 0. */
        private void loop() {
            int missed = 1;
            do {
                step();
                missed = work.addAndGet(-missed);
            } while (missed != 0);
        }

        /** One turn of the loop: take in a response, deliver what is wanted, and ask for the next page if needed. */
        private void step() {
            if (done) {
                return;
            }
            if (cancelled) {
                finish();
                return;
            }
            if (badRequest != null) {
                error(badRequest);
                return;
            }
            if (request != null) {
                if (!answered) {
                    return;
                }
                PageWalker.Request made = request;
                request = null;
                answered = false;
                inFlight = null;
                Throwable failed = failure;
                PageSource.Page<T> page = response;
                failure = null;
                response = null;
                if (failed != null) {
                    error(walker.failed(failed, false));
                    return;
                }
                try {
                    buffer = elements.apply(walker.complete(page, made));
                } catch (RuntimeException e) {
                    error(e); // too many empty pages
                    return;
                }
                index = 0;
            }
            long wanted = requested.get();
            long delivered = 0;
            while (delivered != wanted && index < buffer.size()) {
                E element = buffer.get(index++);
                try {
                    downstream.onNext(element);
                } catch (RuntimeException e) {
                    // Rule 2.13: a subscriber must not throw; this one is treated as having cancelled.
                    cancelled = true;
                    finish();
                    return;
                }
                delivered++;
                if (cancelled) {
                    finish();
                    return;
                }
            }
            if (delivered != 0 && wanted != Long.MAX_VALUE) {
                requested.addAndGet(-delivered);
            }
            if (index < buffer.size()) {
                return; // wait for demand
            }
            buffer = List.of();
            if (!walker.hasNext()) {
                Subscriber<? super E> subscriber = downstream;
                finish();
                subscriber.onComplete();
                return;
            }
            if (requested.get() == 0) {
                return;
            }
            PageWalker.Request next;
            try {
                next = walker.prepare();
            } catch (RuntimeException e) {
                error(e); // a token cycle, a closed lister
                return;
            }
            request = next;
            CompletableFuture<PageSource.Page<T>> call;
            try {
                call = source.fetchAsync(next.serviceToken(), next.maxResults());
            } catch (RuntimeException e) {
                call = CompletableFuture.failedFuture(e);
            }
            inFlight = call;
            call.whenComplete((page, e) -> {
                response = page;
                failure = e;
                answered = true;
                drain();
            });
            if (cancelled) {
                call.cancel(true); // cancel() came before inFlight was set
            }
        }

        private void error(Throwable e) {
            Subscriber<? super E> subscriber = downstream;
            finish();
            subscriber.onError(e);
        }

        /** Ends the subscription: no more signals, nothing held, the request in flight abandoned. */
        private void finish() {
            done = true;
            downstream = null;
            buffer = List.of();
            CompletableFuture<?> call = inFlight;
            if (call != null) {
                call.cancel(true);
                inFlight = null;
            }
        }
    }
}
