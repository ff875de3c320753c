package io.github.integrityjdbc.benchmarks;

import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the benchmarks (any JMH command-line options apply: a regexp, -p, -f, -wi, -i, ...) with the GC profiler,
 * then prints the results as Markdown: per workload and variant, time and allocation, each as a ratio to (or a
 * difference from) the raw driver measured in the same run.
 */
public final class RunAll {

    private RunAll() {
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        Collection<RunResult> results = new Runner(new OptionsBuilder()
                .parent(new CommandLineOptions(args))
                .addProfiler("gc")
                .build()).run();
        System.out.println();
        System.out.print(markdown(results));
    }

    static String markdown(Collection<RunResult> results) {
        // workload -> variant -> result
        Map<String, Map<String, RunResult>> cells = new TreeMap<>();
        for (RunResult result : results) {
            String benchmark = result.getParams().getBenchmark();
            String workload = benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1);
            String variant = result.getParams().getParam("variant");
            for (String key : result.getParams().getParamsKeys()) {
                if (!key.equals("variant")) { // one row group per setting of the other parameters
                    workload += " " + key + "=" + result.getParams().getParam(key);
                }
            }
            cells.computeIfAbsent(workload, key -> new LinkedHashMap<>()).put(variant, result);
        }
        StringBuilder table = new StringBuilder();
        table.append("| workload | variant | time | ± | × raw | alloc B/op | ± | + B vs raw |\n");
        table.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, Map<String, RunResult>> workload : cells.entrySet()) {
            RunResult raw = workload.getValue().get(Variant.RAW.name());
            for (Map.Entry<String, RunResult> cell : workload.getValue().entrySet()) {
                Result<?> time = cell.getValue().getPrimaryResult();
                double alloc = allocation(cell.getValue());
                table.append("| ").append(workload.getKey())
                        .append(" | ").append(cell.getKey())
                        .append(" | ").append(format("%,.0f", time.getScore()) + " " + time.getScoreUnit())
                        .append(" | ").append(format("%,.0f", time.getScoreError()))
                        .append(" | ").append(raw == null ? "" : format("%.2f",
                                time.getScore() / raw.getPrimaryResult().getScore()))
                        .append(" | ").append(Double.isNaN(alloc) ? "" : format("%,.0f", alloc))
                        .append(" | ").append(Double.isNaN(alloc) ? "" : format("%,.0f",
                                allocationError(cell.getValue())))
                        .append(" | ").append(raw == null || Double.isNaN(alloc) ? "" : format("%+,.0f",
                                alloc - allocation(raw)))
                        .append(" |\n");
            }
        }
        return table.toString();
    }

    private static double allocation(RunResult result) {
        Result<?> norm = result.getSecondaryResults().get("gc.alloc.rate.norm");
        return norm == null ? Double.NaN : norm.getScore();
    }

    private static double allocationError(RunResult result) {
        return result.getSecondaryResults().get("gc.alloc.rate.norm").getScoreError();
    }

    private static String format(String pattern, double value) {
        return String.format(Locale.ROOT, pattern, value);
    }
}
