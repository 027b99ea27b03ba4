package dev.flotilla.task.schedule;

/**
 * What a schedule does about ticks missed while no replica was running: RUN_ONCE creates one task
 * for the latest missed tick; SKIP drops ticks older than the configured misfire grace.
 */
public enum CatchUp {
    SKIP,
    RUN_ONCE
}
