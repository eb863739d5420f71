/* The shapes of the zfxxgk JSON contract (DESIGN.md), shared by the npm packages `zfxxgk` (native)
 * and `zfxxgk-wasm`. Keys are the snake_case keys of the domain; dates are ISO `YYYY-MM-DD`
 * strings; a blank cell is `null`; money is an exact decimal string ("5949.09"). */

/** An ISO date `YYYY-MM-DD`. */
export type IsoDate = string

/** The report layout: 国办公开办函〔2021〕30号, 〔2019〕60号, or the pre-2019 free form. */
export type Format = '2021' | '2019' | 'pre2019'

/** A table row of counts by column; a blank cell is `null`. */
export type Counts = { [column: string]: number | null }

/** 统计期限 as stated. */
export interface Period {
  start?: IsoDate | null
  end?: IsoDate | null
}

/** Documents of table 二: 2021 layout `issued` / `repealed` / `in_force`; 2019 layout `made` /
 * `published` / `total_published`. */
export interface DocumentCounts {
  issued?: number | null
  repealed?: number | null
  in_force?: number | null
  made?: number | null
  published?: number | null
  total_published?: number | null
}

/** Decisions of table 二: 2021 `decisions`; 2019 `last_year` / `change` (本年增/减, signed) / `decisions`. */
export interface DecisionCounts {
  decisions?: number | null
  last_year?: number | null
  change?: number | null
}

/** Table 二 (主动公开): regulations, normative documents, licensing, other services (2019),
 * punishment, coercion, fees, government procurement (2019). */
export interface Proactive {
  regulations?: DocumentCounts | null
  normative_documents?: DocumentCounts | null
  licensing?: DecisionCounts | null
  other_services?: DecisionCounts | null
  punishment?: DecisionCounts | null
  coercion?: DecisionCounts | null
  /** `amount` (2021, 万元) an exact decimal string; 2019 `last_year` / `change`. */
  fees?: { amount?: string | null; last_year?: number | null; change?: number | null } | null
  /** 政府集中采购 (2019): `projects` and `amount`, an exact decimal string. */
  procurement?: { projects?: number | null; amount?: string | null } | null
}

/** Table 三 (依申请公开): rows such as `received`, `granted`, `total_handled` by applicant column
 * (`natural_person`, `commercial`, `research`, `social_welfare`, `legal_service`, `other`, `total`). */
export type Requests = { [row: string]: Counts | null }

/** Table 四 (行政复议、行政诉讼): `review`, `litigation_direct`, `litigation_after_review`. */
export type ReviewLitigation = { [group: string]: Counts | null }

/** One 政府信息公开工作年度报告 in the Report JSON contract. */
export interface Report {
  format?: Format | null
  year?: number | null
  title?: string | null
  organ?: string | null
  organ_kind?: 'department' | 'government' | null
  index_no?: string | null
  period?: Period | null
  published?: IsoDate | null
  sections?: { [section: string]: string } | null
  headings?: { [section: string]: string | null } | null
  proactive?: Proactive | null
  requests?: Requests | null
  review_litigation?: ReviewLitigation | null
}

/** Where a finding points; fields are present where they apply. */
export interface Location {
  section?: string
  row?: string
  column?: string
  line?: number
  event?: number
  type?: string
}

/** One finding: stable code, severity, 中文 and English message, location, numbers. */
export interface Finding {
  code: string
  severity: 'error' | 'warning' | 'info'
  message: string
  message_en: string
  location: Location
  expected?: unknown
  found?: unknown
}

/** One event of a 依申请公开 application: `type` plus `at`, and the fields of its type. */
export interface ApplicationEvent {
  type:
    | 'received' | 'correction_requested' | 'corrected' | 'correction_lapsed' | 'consultation_started'
    | 'consultation_ended' | 'extended' | 'fee_notice' | 'fee_paid' | 'fee_lapsed' | 'reasons_requested'
    | 'reasons_accepted' | 'replied' | 'withdrawn'
  at: IsoDate
  channel?: 'in_person' | 'post' | 'online' | 'fax'
  applicant?: string
  rules?: '2007' | '2019'
  due?: IsoDate
  party?: 'third_party' | 'agency'
  days?: number
  amount_yuan?: string
  outcome?: string
  delivery?: 'in_person' | 'post' | 'online'
}

/** A 依申请公开 application: its id and events in order. */
export interface Application {
  id: string
  events: ApplicationEvent[]
}

/** One step of a deadline's explanation (`step` names it: start, base, extended, paused, …). */
export interface ExplanationStep {
  step: string
  [field: string]: unknown
}

/** An application's state after its events. */
export interface ApplicationState {
  id: string
  state: 'received' | 'awaiting_correction' | 'consulting' | 'awaiting_fee' | 'awaiting_reasons' | 'closed'
  outcome: string | null
  rules: '2007' | '2019'
  /** The reply deadline; `null` while the clock is paused or after the reply. */
  due: IsoDate | null
  explanation: ExplanationStep[]
  findings: Finding[]
}

/** A date with its kind: an ordinary weekday or weekend, a named holiday, or a 调休 make-up day. */
export interface ExplainedDay {
  date: IsoDate
  kind: 'workday' | 'weekend' | 'holiday' | 'make_up_day'
  /** The holiday, as the State Council notice names it (holiday and make-up days). */
  name?: string
}

/** How `due = addWorkingDays(start, working_days)` came about. */
export interface Explanation {
  start: IsoDate
  working_days: number
  due: IsoDate
  /** Days in (start, due] that are not working days. */
  skipped: ExplainedDay[]
  /** Weekend days in (start, due] that are worked (调休). */
  make_up_days: ExplainedDay[]
}

/** `rollup(reports, summary)`: how many reports were summed, their tables summed cell by cell (a
 * Report with `format` and `year`; a cell blank in any report is null), and the
 * `rollup.sum_mismatch` findings against the summary report. */
export interface Rollup {
  reports: number
  sums: Report
  findings: Finding[]
}

/** `reportMetrics(report)`: the ratios analysts quote, null where a cell is blank or the
 * denominator is 0. */
export interface Metrics {
  disclosure_rate: number | null
  not_held_share: number | null
  carried_over_share: number | null
  review_correction_share: number | null
  litigation_correction_share: number | null
}

/** An `Error` thrown by zfxxgk: `code` is the core's stable code (`json.unknown_key`,
 * `input.invalid_date`, `calendar.year_not_covered`, `app.event_refused`, …); the message is
 * bilingual (中文 / English). */
export interface ZfxxgkError extends Error {
  code: string
}
