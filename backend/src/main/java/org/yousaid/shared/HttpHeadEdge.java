package org.yousaid.shared;

import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.micronaut.json.JsonMapper;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the server reads of a request's head before any route is found, at the Netty level.
 *
 * <p>Content codings: responses are compressed with gzip or deflate, or not at all. Netty would
 * answer {@code Accept-Encoding: *} with snappy (or brotli, zstd), which phones' HTTP stacks and
 * generated clients cannot decode; so a request's Accept-Encoding keeps only the codings every
 * client has, and a wildcard means gzip.
 *
 * <p>Over-long heads: Netty refuses a request line or header block past its limits before routing,
 * and the framework would answer 413 as if the body were too large. The client is told which
 * (414, 431) here, in the same problem document as every other error, and the connection closes.
 *
 * <p>Every response leaves with {@code X-Content-Type-Options: nosniff}; with {@code Cache-Control:
 * no-store} unless it set its own (the API answers with families' words and staff's work: no cache
 * on a shared phone or proxy may keep them); and, to anyone not on this machine, with
 * {@code Strict-Transport-Security} (a browser heeds it only over TLS, as a deployment serves).
 * Added here, once, not by a filter per route: nothing a route does can forget them.
 */
@Singleton
final class HttpHeadEdge implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {

    static final Set<String> SERVED = Set.of("gzip", "deflate", "identity");

    private final JsonMapper json;
    private final RequestPressure pressure;

    HttpHeadEdge(JsonMapper json, RequestPressure pressure) {
        this.json = json;
        this.pressure = pressure;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        event.getBean().register(new Customizer(null, new Reader(json, pressure)));
        return event.getBean();
    }

    /** The Accept-Encoding the server acts on; null when none of the codings is served. */
    static String served(String acceptEncoding) {
        List<String> kept = new ArrayList<>();
        for (String part : acceptEncoding.split(",")) {
            String token = part.strip();
            int semicolon = token.indexOf(';');
            String coding = (semicolon < 0 ? token : token.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
            String parameters = semicolon < 0 ? "" : token.substring(semicolon);
            if (coding.equals("*")) {
                kept.add("gzip" + parameters);
            } else if (SERVED.contains(coding)) {
                kept.add(coding + parameters);
            }
        }
        return kept.isEmpty() ? null : String.join(", ", kept);
    }

    private record Customizer(Channel channel, Reader reader) implements NettyServerCustomizer {

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel, reader) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null && channel.pipeline().get(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC) != null) {
                channel.pipeline().addAfter(ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC, "yousaid-http-head", reader);
            }
        }
    }

    static final String HSTS = "max-age=31536000; includeSubDomains";

    @ChannelHandler.Sharable
    private static final class Reader extends ChannelDuplexHandler {

        private final JsonMapper json;
        private final RequestPressure pressure;

        Reader(JsonMapper json, RequestPressure pressure) {
            this.json = json;
            this.pressure = pressure;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            if (msg instanceof HttpRequest request) {
                pressure.arrived();
                Throwable failure = request.decoderResult().cause();
                if (failure instanceof TooLongFrameException) {
                    ReferenceCountUtil.release(msg);
                    refuse(ctx, failure instanceof TooLongHttpHeaderException ? RequestProblem.HEADERS_TOO_LARGE
                            : failure instanceof TooLongHttpLineException ? RequestProblem.URI_TOO_LONG
                            : RequestProblem.TOO_LARGE);
                    return;
                }
                String accept = request.headers().get(HttpHeaderNames.ACCEPT_ENCODING);
                if (accept != null) {
                    String served = served(accept);
                    if (served == null) {
                        request.headers().remove(HttpHeaderNames.ACCEPT_ENCODING);
                    } else {
                        request.headers().set(HttpHeaderNames.ACCEPT_ENCODING, served);
                    }
                }
            }
            ctx.fireChannelRead(msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response) {
                secure(response, ctx.channel());
            }
            super.write(ctx, msg, promise);
        }

        private static void secure(HttpResponse response, Channel channel) {
            response.headers().set("X-Content-Type-Options", "nosniff");
            if (!response.headers().contains(HttpHeaderNames.CACHE_CONTROL)) {
                response.headers().set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE);
            }
            if (!(channel.remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                    && remote.getAddress().isLoopbackAddress())) {
                response.headers().set("Strict-Transport-Security", HSTS);
            }
        }

        private void refuse(ChannelHandlerContext ctx, RequestProblem problem) {
            String detail = switch (problem) {
                case URI_TOO_LONG -> "The address is longer than the server accepts.";
                case HEADERS_TOO_LARGE -> "The request's headers are larger than the server accepts.";
                default -> "The request is larger than the server accepts.";
            };
            byte[] body;
            try {
                body = json.writeValueAsBytes(Problem.of(problem, detail, Map.of()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                    HttpResponseStatus.valueOf(problem.status().getCode()), Unpooled.wrappedBuffer(body));
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                    .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            secure(response, ctx.channel());
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
