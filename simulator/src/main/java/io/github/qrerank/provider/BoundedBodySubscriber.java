package io.github.qrerank.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body into a byte array, failing with {@link TooLarge} (and cancelling the
 * download) as soon as it exceeds a limit, so a provider cannot make the client buffer without
 * bound.
 */
final class BoundedBodySubscriber implements HttpResponse.BodySubscriber<byte[]> {
  /** The body exceeded the limit. */
  static final class TooLarge extends IOException {
    private static final long serialVersionUID = 1L;

    TooLarge(int limit) {
      super("response body larger than " + limit + " bytes");
    }
  }

  private final int limit;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final CompletableFuture<byte[]> body = new CompletableFuture<>();
  private Flow.Subscription subscription;

  BoundedBodySubscriber(int limit) {
    this.limit = limit;
  }

  /** A handler giving each response a fresh subscriber with {@code limit}. */
  static HttpResponse.BodyHandler<byte[]> handler(int limit) {
    return info -> {
      long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
      BoundedBodySubscriber s = new BoundedBodySubscriber(limit);
      if (declared > limit) {
        s.body.completeExceptionally(new TooLarge(limit));
      }
      return s;
    };
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (body.isDone()) {
      s.cancel();
    } else {
      s.request(Long.MAX_VALUE);
    }
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (body.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      if ((long) out.size() + b.remaining() > limit) {
        subscription.cancel();
        body.completeExceptionally(new TooLarge(limit));
        return;
      }
      byte[] chunk = new byte[b.remaining()];
      b.get(chunk);
      out.write(chunk, 0, chunk.length);
    }
  }

  @Override
  public void onError(Throwable t) {
    body.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    body.complete(out.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return body;
  }
}
