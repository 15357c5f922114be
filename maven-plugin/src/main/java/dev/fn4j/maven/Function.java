package dev.fn4j.maven;

import dev.fn4j.maven.core.FunctionOptions;
import dev.fn4j.spec.Field;
import java.util.Map;

/**
 * One entry of {@code <functions>}: a function deployed from the project's image. Fields it
 * leaves unset take the plugin's top-level values ({@code <timeout>}, {@code <memory>}, ...);
 * its {@code <env>} is added to the top-level one.
 *
 * <pre>{@code
 * <functions>
 *   <function>
 *     <name>greet</name>
 *     <handler>com.example.Greet</handler>
 *     <timeout>10s</timeout>
 *     <maxInstances>4</maxInstances>
 *     <rateLimit>10/s,burst=20</rateLimit>
 *     <public>true</public>
 *   </function>
 * </functions>
 * }</pre>
 */
public class Function {

    /**
     * The function's name: 1 to 63 lower-case letters, digits and '-', starting with a letter
     * and not ending with '-'. Required.
     */
    private String name;

    /**
     * The handler's fully qualified class name. Needed when the project has several handlers.
     */
    private String handler;

    /** The time limit of one call: {@code <n>ms}, {@code <n>s} or {@code <n>m}, e.g. 30s. */
    private String timeout;

    /** The memory limit of one instance: {@code <n>m} or {@code <n>g}, e.g. 256m. */
    private String memory;

    /** The size of the instance's writable {@code /tmp}: {@code <n>m} or {@code <n>g}, e.g. 64m. */
    private String tmpSize;

    /** The CPU quota of one instance, in cores, e.g. 0.5. */
    private String cpus;

    /** The calls one instance serves at once, 1 to 1000. */
    private String concurrency;

    /** The function's configuration, handed to it as {@code Context.config()}. */
    private Map<String, String> env;

    /** The instances started at deploy and kept warm, 0 to 100 and at most maxInstances. */
    private String minInstances;

    /** The most instances at once, 1 to 100. */
    private String maxInstances;

    /**
     * How long an idle instance above minInstances lives: {@code <n>ms}, {@code <n>s} or
     * {@code <n>m}, e.g. 10m.
     */
    private String idleTimeout;

    /** The calls that may wait for a free instance, 0 to 10000. */
    private String maxQueue;

    /** The rate limit: {@code <perSecond>/s} or {@code <perSecond>/s,burst=<n>}, e.g. 10/s,burst=20. */
    private String rateLimit;

    /** What the function does, at most 256 characters, shown by {@code GET /v1/functions/<name>}. */
    private String description;

    /** The most asynchronous calls that may wait or run at once, 1 to 10000000. */
    private String maxBacklog;

    /** How a failed asynchronous call is retried, e.g. {@code 3,backoff=1s,on=error+timeout}. */
    private String retries;

    /** A Quartz cron expression (6 or 7 fields, seconds first) that starts asynchronous calls. */
    private String schedule;

    /** The IANA time zone of {@code schedule}; UTC by default. */
    private String scheduleZone;

    /** run-once or skip: what happens to ticks missed while no runtime ran. */
    private String missedTicks;

    /**
     * {@code <public>}: whether the HTTP trigger answers calls without an API key, true or false.
     * Set through {@link #setPublic}: a Java field cannot be named public.
     */
    private String publicTrigger;

    /** The function's name. */
    public String getName() {
        return name;
    }

    /** Sets the function's name. */
    public void setName(String name) {
        this.name = name;
    }

    /** The handler's class name, or null. */
    public String getHandler() {
        return handler;
    }

    /** Sets the handler's class name. */
    public void setHandler(String handler) {
        this.handler = handler;
    }

    /** The time limit of one call, or null. */
    public String getTimeout() {
        return timeout;
    }

    /** Sets the time limit of one call. */
    public void setTimeout(String timeout) {
        this.timeout = timeout;
    }

    /** The memory limit of one instance, or null. */
    public String getMemory() {
        return memory;
    }

    /** Sets the memory limit of one instance. */
    public void setMemory(String memory) {
        this.memory = memory;
    }

    /** The size of the instance's {@code /tmp}, or null. */
    public String getTmpSize() {
        return tmpSize;
    }

    /** Sets the size of the instance's {@code /tmp}. */
    public void setTmpSize(String tmpSize) {
        this.tmpSize = tmpSize;
    }

    /** The CPU quota of one instance, or null. */
    public String getCpus() {
        return cpus;
    }

    /** Sets the CPU quota of one instance. */
    public void setCpus(String cpus) {
        this.cpus = cpus;
    }

    /** The calls one instance serves at once, or null. */
    public String getConcurrency() {
        return concurrency;
    }

    /** Sets the calls one instance serves at once. */
    public void setConcurrency(String concurrency) {
        this.concurrency = concurrency;
    }

    /** The function's configuration, or null. */
    public Map<String, String> getEnv() {
        return env;
    }

    /** Sets the function's configuration. */
    public void setEnv(Map<String, String> env) {
        this.env = env;
    }

    /** The instances kept warm, or null. */
    public String getMinInstances() {
        return minInstances;
    }

    /** Sets the instances kept warm. */
    public void setMinInstances(String minInstances) {
        this.minInstances = minInstances;
    }

    /** The most instances at once, or null. */
    public String getMaxInstances() {
        return maxInstances;
    }

    /** Sets the most instances at once. */
    public void setMaxInstances(String maxInstances) {
        this.maxInstances = maxInstances;
    }

    /** How long an idle instance above the minimum lives, or null. */
    public String getIdleTimeout() {
        return idleTimeout;
    }

    /** Sets how long an idle instance above the minimum lives. */
    public void setIdleTimeout(String idleTimeout) {
        this.idleTimeout = idleTimeout;
    }

    /** The calls that may wait for a free instance, or null. */
    public String getMaxQueue() {
        return maxQueue;
    }

    /** Sets the calls that may wait for a free instance. */
    public void setMaxQueue(String maxQueue) {
        this.maxQueue = maxQueue;
    }

    /** The rate limit, or null. */
    public String getRateLimit() {
        return rateLimit;
    }

    /** Sets the rate limit. */
    public void setRateLimit(String rateLimit) {
        this.rateLimit = rateLimit;
    }

    /** What the function does, or null. */
    public String getDescription() {
        return description;
    }

    /** Sets what the function does. */
    public void setDescription(String description) {
        this.description = description;
    }

    /** The most asynchronous calls that may wait or run at once, or null. */
    public String getMaxBacklog() {
        return maxBacklog;
    }

    /** Sets the most asynchronous calls that may wait or run at once. */
    public void setMaxBacklog(String maxBacklog) {
        this.maxBacklog = maxBacklog;
    }

    /** How a failed asynchronous call is retried, or null. */
    public String getRetries() {
        return retries;
    }

    /** Sets how a failed asynchronous call is retried. */
    public void setRetries(String retries) {
        this.retries = retries;
    }

    /** The schedule, or null. */
    public String getSchedule() {
        return schedule;
    }

    /** Sets the schedule. */
    public void setSchedule(String schedule) {
        this.schedule = schedule;
    }

    /** The schedule's time zone, or null. */
    public String getScheduleZone() {
        return scheduleZone;
    }

    /** Sets the schedule's time zone. */
    public void setScheduleZone(String scheduleZone) {
        this.scheduleZone = scheduleZone;
    }

    /** The missed-ticks policy, or null. */
    public String getMissedTicks() {
        return missedTicks;
    }

    /** Sets the missed-ticks policy. */
    public void setMissedTicks(String missedTicks) {
        this.missedTicks = missedTicks;
    }

    /** Whether the HTTP trigger needs no API key, or null. */
    public String getPublic() {
        return publicTrigger;
    }

    /** Sets whether the HTTP trigger needs no API key. */
    public void setPublic(String value) {
        this.publicTrigger = value;
    }

    FunctionOptions toOptions() {
        return new FunctionOptions(name, handler, env, Map.of())
                .with(Field.TIMEOUT, timeout)
                .with(Field.MEMORY, memory)
                .with(Field.TMP_SIZE, tmpSize)
                .with(Field.CPUS, cpus)
                .with(Field.CONCURRENCY, concurrency)
                .with(Field.MIN_INSTANCES, minInstances)
                .with(Field.MAX_INSTANCES, maxInstances)
                .with(Field.IDLE_TIMEOUT, idleTimeout)
                .with(Field.MAX_QUEUE, maxQueue)
                .with(Field.RATE_LIMIT, rateLimit)
                .with(Field.PUBLIC, publicTrigger)
                .with(Field.DESCRIPTION, description)
                .with(Field.MAX_BACKLOG, maxBacklog)
                .with(Field.RETRIES, retries)
                .with(Field.SCHEDULE, schedule)
                .with(Field.SCHEDULE_ZONE, scheduleZone)
                .with(Field.MISSED_TICKS, missedTicks);
    }
}
