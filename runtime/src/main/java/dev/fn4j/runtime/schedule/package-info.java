/**
 * Function schedules: parsing a function's cron expression, planning which ticks are due, the
 * store's exactly-once tick claims, and the loop that submits a scheduled invocation through the
 * one admission for asynchronous calls. Must not import: {@code http}, {@code engine}, {@code
 * instance}, {@code pool}, {@code invoke}, {@code deploy}, {@code callback}.
 */
package dev.fn4j.runtime.schedule;
