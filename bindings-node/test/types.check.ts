// Compiled with `tsc --strict` by `npm test`: the hand-written types describe the API.
import { addWorkingDays, checkReport, explainWorkingDays, informationFee, renderReport, replayApplication, reportMetrics, rollup } from '../index.js'
import type { Finding, Metrics, Report, ApplicationState, Rollup, ZfxxgkError } from '../index.js'

const report: Report = { format: '2021', year: 2022, requests: { received: { natural_person: 5, total: 5 } } }
const findings: Finding[] = checkReport(report)
const severities: Array<'error' | 'warning' | 'info'> = findings.map((f) => f.severity)
const due: string = addWorkingDays('2025-09-26', 20)
const days: number = explainWorkingDays('2025-09-26', 20).skipped.length
const state: ApplicationState = replayApplication({ id: '1', events: [{ type: 'received', at: '2025-01-20', channel: 'online', applicant: 'natural_person' }] })
const fee: number = informationFee({ pages: 250 })
try { addWorkingDays('2025-02-30', 1) } catch (e) { const code: string = (e as ZfxxgkError).code; void code }
const page: string = renderReport(report, 'html')
const sums: Rollup = rollup([report, report], report)
const rate: number | null = sums.sums.requests ? reportMetrics(sums.sums).disclosure_rate : null
const metrics: Metrics = reportMetrics(report)
const fees: string | null | undefined = report.proactive?.fees?.amount
void [severities, due, days, state.due, fee, page, rate, metrics, fees]
