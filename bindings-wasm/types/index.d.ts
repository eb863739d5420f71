/* The API of zfxxgk-wasm (and of the native package `zfxxgk`): the core's library functions under
 * camelCase names. Every function throws a `ZfxxgkError` (an `Error` with `code`) on bad input. */
import type {
  Application, ApplicationState, Explanation, Finding, Metrics, Report, Requests, Rollup,
} from './contract'

export * from './contract'

/** A published report (page text, PDF text, HTML, Markdown) or Report JSON text → the report, as
 * printed (blank cells null, nothing repaired). Its parse findings come with `checkReport(text)`. */
export declare function parseReport(text: string): Report

/** The findings of a report — a Report object, its JSON text, or the published text (then parsed
 * first, its parse findings first) — with last year's report for the cross-year rules. */
export declare function checkReport(report: Report | string, previous?: Report | string | null, rules?: string[] | null): Finding[]

/** The JSON Schema of the Report JSON. */
export declare function reportSchema(): Record<string, unknown>

/** The date `n` working days after `date` (day 1 = the first working day after it), ISO strings. */
export declare function addWorkingDays(date: string, n: number): string

/** The number of working days in (start, end]. */
export declare function countWorkingDays(start: string, end: string): number

/** Whether `date` is a working day (weekends, holidays and 调休 make-up days considered). */
export declare function isWorkingDay(date: string): boolean

/** `addWorkingDays` with its explanation: every skipped day and every 调休 make-up day worked. */
export declare function explainWorkingDays(date: string, n: number): Explanation

/** One application's events replayed: its state, due date, explanation and findings. An event
 * that cannot happen throws `app.event_refused`. */
export declare function replayApplication(application: Application | string): ApplicationState

/** Applications (an array, or JSON Lines text) → the table 三 `requests` object of `year`, in
 * `format` or the layout in force for the year. */
export declare function aggregate(applications: Application[] | string, year: number, format?: '2019' | '2021' | null): Requests

/** 信息处理费 in yuan, by items (按件) or by pages (按量): exactly one. */
export declare function informationFee(basis: { items?: number | null; pages?: number | null }): number

/** A report (object, JSON text or published text) printed in the official layout of its format:
 * `"text"` (the ` |` cell style of published pages, the default), `"markdown"` or `"html"` (one
 * self-contained page). `parseReport` reads the page back to the same report. */
export declare function renderReport(report: Report | string, to?: 'text' | 'markdown' | 'html' | null): string

/** Tables 二 三 四 of many reports summed cell by cell, and the cells where the summary report (if
 * given) differs (`rollup.sum_mismatch`). */
export declare function rollup(reports: (Report | string)[], summary?: Report | string | null): Rollup

/** The ratios analysts quote; null where a cell is blank or the denominator is 0. */
export declare function reportMetrics(report: Report | string): Metrics
