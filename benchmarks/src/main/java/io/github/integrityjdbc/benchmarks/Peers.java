package io.github.integrityjdbc.benchmarks;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.instrumentation.jdbc.OpenTelemetryDriver;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.proxy.ParameterSetOperation;

import java.util.Collection;
import java.util.List;

/**
 * What the variants report to, set up once per JVM: the meter registry integrity-jdbc counts in, the
 * datasource-proxy listener, and a real OpenTelemetry SDK whose exporter counts the spans it is handed. Each keeps
 * a count, so that a benchmark can prove at the end of its trial that its variant was really in the path.
 */
public final class Peers {

    /** Where integrity-jdbc counts violations: registered in the global registry, which the URL variant uses. */
    public static final MeterRegistry METERS = new SimpleMeterRegistry();

    /** The datasource-proxy listener that reads what a logging listener reads. */
    public static final ReadingListener LISTENER = new ReadingListener();

    /** The OpenTelemetry exporter behind the {@code jdbc:otel:} driver. */
    public static final CountingExporter SPANS = new CountingExporter();

    static {
        Metrics.globalRegistry.add(METERS);
        OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder()
                        .addSpanProcessor(SimpleSpanProcessor.create(SPANS))
                        .build())
                .build();
        OpenTelemetryDriver.install(sdk);
    }

    private Peers() {
    }

    /** Loads this class, so that the peers are set up before anything is measured. */
    public static void setUp() {
        // the static initializer does the work
    }

    /** Violations counted by integrity-jdbc so far, over every tag. */
    public static double violationsCounted() {
        return METERS.find("jdbc.integrity.violations").counters().stream().mapToDouble(Counter::count).sum();
    }

    /** Reads the query and every bound value after each execution, as a logging listener with output off would. */
    public static final class ReadingListener implements QueryExecutionListener {
        private long executions;
        private long valuesRead;
        private int sink;

        @Override
        public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        }

        @Override
        public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
            executions++;
            for (QueryInfo query : queries) {
                sink += query.getQuery().length();
                for (List<ParameterSetOperation> row : query.getParametersList()) {
                    for (ParameterSetOperation operation : row) {
                        Object[] arguments = operation.getArgs();
                        sink += arguments[arguments.length - 1] == null ? 0 : 1;
                        valuesRead++;
                    }
                }
            }
        }

        public long executions() {
            return executions;
        }

        public long valuesRead() {
            return valuesRead;
        }

        /** Keeps the reads from being optimized away. */
        public int sink() {
            return sink;
        }
    }

    /** A span exporter that counts and drops: the SDK still builds, samples, ends and hands over every span. */
    public static final class CountingExporter implements SpanExporter {
        private static final AttributeKey<String> VIOLATION_KIND = AttributeKey.stringKey("db.integrity.kind");
        private long spans;
        private long violationSpans;

        @Override
        public CompletableResultCode export(Collection<SpanData> batch) {
            spans += batch.size();
            for (SpanData span : batch) {
                if (span.getAttributes().get(VIOLATION_KIND) != null) {
                    violationSpans++;
                }
            }
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode flush() {
            return CompletableResultCode.ofSuccess();
        }

        @Override
        public CompletableResultCode shutdown() {
            return CompletableResultCode.ofSuccess();
        }

        public long spans() {
            return spans;
        }

        /** Spans that carried integrity-jdbc's {@code db.integrity.kind} attribute. */
        public long violationSpans() {
            return violationSpans;
        }
    }
}
