package io.github.asyncinvokelister;

import io.github.asyncinvokelister.emulator.BedrockRuntimeEmulator;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import org.reactivestreams.tck.PublisherVerification;
import org.reactivestreams.tck.TestEnvironment;
import org.testng.Assert;
import org.testng.annotations.AfterClass;
import org.testng.annotations.BeforeClass;
import org.testng.annotations.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * The Reactive Streams TCK (1.0.4) over {@link ReactiveAsyncInvokeLister#items}, against the emulator through the
 * SDK's async client on Netty. It runs on the JUnit Platform through the TestNG engine, with the other tests.
 *
 * <p>A publisher of {@code n} items is a listing with {@code maxItems} {@code n}, in pages of 3 for the small ones,
 * so that the rules are checked across page boundaries; one of none is a listing of a window with nothing in it. The
 * failed publisher is one whose lister was closed after it was made: it signals {@code onError} right after
 * {@code onSubscribe}, without demand.
 *
 * <p>Every required rule runs. Rule 3.17's "no error when pending demand goes above {@code Long.MAX_VALUE}" asks the
 * TCK for a publisher of {@code Integer.MAX_VALUE} items, more than any listing here holds, so the TCK would skip it:
 * it is overridden below with the same check over the whole listing. The {@code untested_} ones, 1.6, 1.7, 1.8, 1.9
 * (throwing from subscribe), 1.10, 3.4 and 3.5, are rules the TCK cannot verify and skips itself; the behaviour
 * behind 1.10 (each subscription is a listing of its own) and 3.5 (cancel does not wait for the request in flight)
 * is tested in {@link ReactiveAsyncInvokeListerTest}.
 */
@SuppressWarnings("exports") // TestNG needs it public; its supertype is the TCK's, on the class path
public class ReactiveAsyncInvokeListerTckTest extends PublisherVerification<AsyncInvokeSummary> {
    /** How many items the emulator holds: the most a publisher here can emit. */
    private static final int ITEMS = 2000;

    private BedrockRuntimeEmulator emulator;
    private BedrockRuntimeAsyncClient client;
    private ReactiveAsyncInvokeLister lister;

    public ReactiveAsyncInvokeListerTckTest() {
        // Signals travel over HTTP to 127.0.0.1 and back: 2 s for one to come, 200 ms of silence to show none does.
        super(new TestEnvironment(2_000, 200), 2_000);
    }

    @BeforeClass
    public void startEmulator() {
        emulator = BedrockRuntimeEmulator.builder().generated(ITEMS, 17).start();
        client = emulator.asyncClient();
        lister = ReactiveAsyncInvokeLister.create(client);
    }

    @AfterClass
    public void stopEmulator() {
        emulator.close();
    }

    @Override
    public Publisher<AsyncInvokeSummary> createPublisher(long elements) {
        if (elements == 0) {
            return lister.items(ListAsyncInvokesQuery.builder()
                    .submitTimeAfter(Instant.parse("2999-01-01T00:00:00Z")).build(), PaginationConfig.none());
        }
        return lister.items(ListAsyncInvokesQuery.all(), PaginationConfig.builder()
                .maxItems(Math.toIntExact(elements)).pageSize(elements <= 30 ? 3 : 1000).build());
    }

    @Override
    public Publisher<AsyncInvokeSummary> createFailedPublisher() {
        ReactiveAsyncInvokeLister closing = ReactiveAsyncInvokeLister.create(client);
        Publisher<AsyncInvokeSummary> publisher = closing.items(ListAsyncInvokesQuery.all(), PaginationConfig.none());
        closing.close();
        return publisher;
    }

    @Override
    public long maxElementsFromPublisher() {
        return ITEMS;
    }

    /**
     * Rule 3.17 over the whole listing of {@value #ITEMS} items: {@code request(Long.MAX_VALUE - 1)}, and again at the
     * first item, so that the demand asked for passes {@code Long.MAX_VALUE}; every item comes, then
     * {@code onComplete}, and no {@code onError}.
     */
    @Override
    @Test
    public void required_spec317_mustNotSignalOnErrorWhenPendingAboveLongMaxValue() throws Throwable {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        lister.items(ListAsyncInvokesQuery.all(), PaginationConfig.builder().pageSize(500).build()).subscribe(
                new Subscriber<AsyncInvokeSummary>() {
                    private Subscription subscription;
                    private int count;

                    @Override
                    public void onSubscribe(Subscription s) {
                        subscription = s;
                        s.request(Long.MAX_VALUE - 1);
                    }

                    @Override
                    public void onNext(AsyncInvokeSummary item) {
                        if (count++ == 0) {
                            subscription.request(Long.MAX_VALUE - 1);
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onComplete() {
                        done.complete(count);
                    }
                });
        Assert.assertEquals(done.get(20, TimeUnit.SECONDS).intValue(), ITEMS);
    }
}
