package dev.fn4j.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WrkTest {

    private static final String OUTPUT = """
            Running 10s test @ http://127.0.0.1:8080/fn/echo
              1 threads and 16 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.10ms    5.00ms 118.50ms   97.00%
                Req/Sec     6.02k     1.00k    8.00k    70.00%
              Latency Distribution
                 50%    1.63ms
                 75%    2.00ms
                 90%    3.00ms
                 99%  118.50ms
              60150 requests in 10.00s, 9.00MB read
              Socket errors: connect 0, read 1, write 0, timeout 2
              Non-2xx or 3xx responses: 150
            Requests/sec:   6015.00
            Transfer/sec:      0.90MB
            """;

    @Test
    void readsCallsLatenciesAndFailuresFromWrksOutput() throws Exception {
        Wrk.Row row = Wrk.parse("target", 16, OUTPUT);
        assertThat(row.ok()).isEqualTo(60_000);
        assertThat(row.failed()).isEqualTo(153);
        assertThat(row.seconds()).isEqualTo(10.0);
        assertThat(row.callsPerSecond()).isEqualTo(6_000.0);
        assertThat(row.p50()).isEqualTo(1_630_000);
        assertThat(row.p99()).isEqualTo(118_500_000);
    }

    @Test
    void aRunWithoutAnswersHasNoPercentiles() throws Exception {
        Wrk.Row row = Wrk.parse("naive", 64, "  0 requests in 10.00s, 0.00B read\nRequests/sec: 0.00\n");
        assertThat(row.ok()).isZero();
        assertThat(row.p50()).isEqualTo(-1);
    }
}
