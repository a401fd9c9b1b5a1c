package io.github.asyncinvokelister.internal;

import io.github.asyncinvokelister.RequestFailedException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.NoSuchElementException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.exception.AbortedException;

/**
 * Fetches up to {@code depth} pages ahead of the consumer on an executor, while the consumer works through the
 * current one. Each page still depends on the one before (its token), so one request is in flight at a time; the
 * walker, and with it the requests, tokens and order, is exactly the walker of a listing without read-ahead. A
 * failure is queued in its place, so it surfaces after the pages before it, where it would have without
 * read-ahead. {@link #close()} interrupts the request in flight and drops what was fetched.
 *
 * <p>An executor that runs the task on the calling thread ({@code Runnable::run}, a pool's
 * {@code CallerRunsPolicy}) works too: the consumer then fetches the pages itself, up to {@code depth} at a time.
 * An interrupt of the consumer while it waits for a page ends the listing as an interrupted request would without
 * read-ahead: the interrupt flag kept, and a {@link RequestFailedException} that resumes with the first page the
 * consumer did not get.
 *
 * @param <T> the item type
 */
final class PrefetchingPages<T> implements Pages<T> {
    private final PageWalker<T> walker;
    private final Executor executor;
    private final int depth;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    /** Fetched pages, and in last place possibly the exception that ended the walk. */
    private final Deque<Object> buffer = new ArrayDeque<>();
    private boolean fetching;
    private boolean exhausted;
    private boolean closed;
    private Thread fetchingThread;
    /** Where the first page the consumer has not taken starts; {@code null} once it has taken the last. */
    private String consumerPosition;

    /**
     * Wraps a walker that nothing else uses from now on. Nothing is fetched before the first {@link #hasNext()}.
     *
     * @param walker the walker to run ahead
     * @param depth how many pages to hold ahead of the consumer, at least 1
     * @param executor where the fetches run
     */
    PrefetchingPages(PageWalker<T> walker, int depth, Executor executor) {
        this.walker = walker;
        this.depth = depth;
        this.executor = executor;
        this.consumerPosition = walker.position().encode();
    }

    @Override
    public boolean hasNext() {
        lock.lock();
        try {
            scheduleIfRoom();
            while (buffer.isEmpty() && !exhausted && !closed) {
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    String resumeAt = consumerPosition;
                    close();
                    throw new RequestFailedException("the listing was interrupted while it waited for a page",
                            resumeAt, AbortedException.create("Thread was interrupted", e));
                }
            }
            return !buffer.isEmpty() && !closed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public WalkedPage<T> next() {
        Object head;
        lock.lock();
        try {
            if (!hasNext()) {
                throw new NoSuchElementException("the listing is over");
            }
            head = buffer.poll();
            if (head instanceof WalkedPage<?> page) {
                consumerPosition = page.resumeToken();
            }
            scheduleIfRoom();
        } finally {
            lock.unlock();
        }
        if (head instanceof RuntimeException failure) {
            throw failure;
        }
        if (head instanceof Error failure) {
            throw failure;
        }
        @SuppressWarnings("unchecked")
        WalkedPage<T> page = (WalkedPage<T>) head;
        return page;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            buffer.clear();
            if (fetchingThread != null) {
                fetchingThread.interrupt();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Starts the next fetch if none is running and the buffer has room. Called with the lock held, which an executor
     * that runs the task right here keeps holding while it fetches: the lock is reentrant.
     */
    private void scheduleIfRoom() {
        if (!fetching && !exhausted && !closed && buffer.size() < depth) {
            // Marked before the hand-over: a task that runs on this thread has ended, and cleared it, by the time
            // execute returns.
            fetching = true;
            try {
                executor.execute(this::fetchAhead);
            } catch (RejectedExecutionException rejected) {
                // The caller's executor is shut down: the listing ends there, with the reason in its place.
                fetching = false;
                buffer.add(rejected);
                exhausted = true;
            }
        }
    }

    /**
     * Fetches pages until the buffer is full or the walk is over. One task fetches as long as there is room rather
     * than handing each page to a new task: a hand-off wakes another pool thread per page, and on a busy machine
     * that cost more than it saved.
     */
    private void fetchAhead() {
        while (true) {
            lock.lock();
            try {
                if (closed) {
                    fetching = false;
                    return;
                }
                fetchingThread = Thread.currentThread();
            } finally {
                lock.unlock();
            }
            Object result;
            try {
                result = walker.hasNext() ? walker.next() : null;
            } catch (RuntimeException | Error failure) {
                result = failure;
            }
            lock.lock();
            try {
                fetchingThread = null;
                if (closed) {
                    // close() may have interrupted this pool thread; the pool should not inherit that.
                    Thread.interrupted();
                    fetching = false;
                    return;
                }
                if (result != null) {
                    buffer.add(result);
                }
                exhausted = result == null || result instanceof Throwable || !walker.hasNext();
                changed.signalAll();
                if (exhausted || buffer.size() >= depth) {
                    fetching = false;
                    return;
                }
            } finally {
                lock.unlock();
            }
        }
    }
}
