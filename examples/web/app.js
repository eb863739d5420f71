// The demo portal: zfxxgk-wasm (browser build, served under /pkg/) checks the report as it is
// typed; findings about table 三 are marked on its cells. No network access beyond this page.
import init, { checkReport, explainWorkingDays, parseReport, renderReport, replayApplication } from './pkg/index.js'

// Table 三 of the 2021 layout (国办公开办函〔2021〕30号): row and column keys of the Report JSON
// with their printed labels.
const COLUMNS = [
  ['natural_person', '自然人'], ['commercial', '商业企业'], ['research', '科研机构'],
  ['social_welfare', '社会公益组织'], ['legal_service', '法律服务机构'], ['other', '其他'], ['total', '总计'],
]
const ROWS = [
  ['received', '一、本年新收政府信息公开申请数量'],
  ['carried_in', '二、上年结转政府信息公开申请数量'],
  ['granted', '三、（一）予以公开'],
  ['partially_granted', '（二）部分公开'],
  ['denied_state_secret', '（三）不予公开 1. 属于国家秘密'],
  ['denied_prohibited', '2. 其他法律行政法规禁止公开'],
  ['denied_security', '3. 危及“三安全一稳定”'],
  ['denied_third_party', '4. 保护第三方合法权益'],
  ['denied_internal', '5. 属于三类内部事务信息'],
  ['denied_process', '6. 属于四类过程性信息'],
  ['denied_enforcement', '7. 属于行政执法案卷'],
  ['denied_query', '8. 属于行政查询事项'],
  ['unavailable_not_held', '（四）无法提供 1. 本机关不掌握相关政府信息'],
  ['unavailable_needs_creation', '2. 没有现成信息需要另行制作'],
  ['unavailable_unclear', '3. 补正后申请内容仍不明确'],
  ['rejected_petition', '（五）不予处理 1. 信访举报投诉类申请'],
  ['rejected_repeat', '2. 重复申请'],
  ['rejected_publication', '3. 要求提供公开出版物'],
  ['rejected_excessive', '4. 无正当理由大量反复申请'],
  ['rejected_confirmation', '5. 要求行政机关确认或重新出具已获取信息'],
  ['other_no_correction', '（六）其他处理 1. 逾期不补正，行政机关不再处理'],
  ['other_fee_unpaid', '2. 逾期未缴纳信息处理费，行政机关不再处理'],
  ['other_misc', '3. 其他'],
  ['total_handled', '（七）总计'],
  ['carried_over', '四、结转下年度继续办理'],
]
const SEVERITY = { error: '错误', warning: '警告', info: '提示' }
const $ = (id) => document.getElementById(id)

let report = blankReport()

function blankReport () {
  return { format: '2021', year: Number($('year').value), requests: {} }
}

function debounce (fn, ms) {
  let timer
  return (...args) => { clearTimeout(timer); timer = setTimeout(() => fn(...args), ms) }
}

function buildTable () {
  const head = `<tr><th>申请情况</th>${COLUMNS.map(([, label]) => `<th>${label}</th>`).join('')}</tr>`
  const body = ROWS.map(([row, label]) => `<tr><th class="rowlabel" data-row="${row}">${label}</th>${COLUMNS.map(([col, clabel]) =>
    `<td data-row="${row}" data-column="${col}"><input inputmode="numeric" aria-label="${label} ${clabel}" data-row="${row}" data-column="${col}"></td>`).join('')}</tr>`).join('')
  $('table3').innerHTML = head + body
}

function fillTable () {
  for (const input of $('table3').querySelectorAll('input')) {
    const value = report.requests?.[input.dataset.row]?.[input.dataset.column]
    input.value = value ?? ''
  }
}

function readCell (input) {
  const text = input.value.trim()
  const n = Number(text)
  report.requests ??= {}
  report.requests[input.dataset.row] ??= {}
  // A blank cell is null; anything else is passed as typed, for the checks to judge.
  report.requests[input.dataset.row][input.dataset.column] = text === '' ? null : (Number.isFinite(n) ? n : text)
}

function show (findings) {
  for (const el of $('table3').querySelectorAll('.finding-error, .finding-warning')) el.classList.remove('finding-error', 'finding-warning')
  const list = $('findings')
  list.innerHTML = ''
  for (const f of findings) {
    const li = document.createElement('li')
    li.className = f.severity
    li.dataset.code = f.code
    const where = [f.location?.row, f.location?.column].filter(Boolean).join(' · ')
    li.innerHTML = `<strong>${SEVERITY[f.severity] ?? f.severity}</strong> ${escape(f.message)} <code>${f.code}${where ? ` [${where}]` : ''}</code>`
    list.append(li)
    if (f.location?.section !== 'requests' || !f.location.row) continue
    const cls = f.severity === 'error' ? 'finding-error' : 'finding-warning'
    const cells = f.location.column
      ? $('table3').querySelectorAll(`td[data-row="${f.location.row}"][data-column="${f.location.column}"]`)
      : $('table3').querySelectorAll(`th[data-row="${f.location.row}"]`)
    for (const cell of cells) cell.classList.add(cls)
  }
  const errors = findings.filter((f) => f.severity === 'error').length
  $('summary').textContent = findings.length ? `（${errors} 个错误，共 ${findings.length} 条）` : '（未发现问题）'
}

function showError (e) {
  $('findings').innerHTML = `<li class="error" data-code="${escape(e.code ?? '')}"><strong>无法检查</strong> ${escape(e.message)} <code>${escape(e.code ?? '')}</code></li>`
  $('summary').textContent = ''
}

function escape (s) {
  return String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c])
}

const checkText = debounce(() => {
  const text = $('report-text').value
  if (!text.trim()) { report = blankReport(); fillTable(); show([]); return }
  try {
    report = parseReport(text)
    if (report.year) $('year').value = report.year
    fillTable()
    show(checkReport(text))
  } catch (e) { showError(e) }
}, 200)

const checkTable = debounce(() => {
  try { show(checkReport(report)) } catch (e) { showError(e) }
}, 200)

function dueDate (event) {
  event.preventDefault()
  const at = $('received').value
  const out = $('due-result')
  try {
    const state = replayApplication({ id: '演示申请', events: [{ type: 'received', at, channel: $('channel').value, applicant: 'natural_person' }] })
    const start = state.explanation.find((s) => s.step === 'start')
    const base = state.explanation.find((s) => s.step === 'base')
    const x = explainWorkingDays(start.date, base.working_days)
    const named = (d) => `${d.date}${d.name ? `（${escape(d.name)}）` : ''}`
    const holidays = x.skipped.filter((d) => d.kind === 'holiday')
    out.innerHTML = `<p>答复期限：<span class="due" id="due-date">${state.due}</span></p>
      <ul>
        <li>起算日：${start.date}（次日为第 1 个工作日）</li>
        <li>期限：${base.working_days} 个工作日（${base.rules} 年条例）</li>
        <li>跳过周末 ${x.skipped.length - holidays.length} 天${holidays.length ? `，法定节假日 ${holidays.length} 天：${holidays.map(named).join('、')}` : ''}</li>
        ${x.make_up_days.length ? `<li>调休上班日计入：${x.make_up_days.map(named).join('、')}</li>` : ''}
      </ul>`
  } catch (e) {
    out.innerHTML = `<p class="error">无法计算：${escape(e.message)} <code>${escape(e.code ?? '')}</code></p>`
  }
}

// The report as a portal would publish it: renderReport's self-contained HTML page, shown in a
// sandboxed frame (no scripts) and offered as a download.
function preview () {
  try {
    const page = renderReport(report, 'html')
    const frame = $('preview-frame')
    frame.srcdoc = page
    frame.hidden = false
    const link = $('download')
    if (link.href) URL.revokeObjectURL(link.href)
    link.href = URL.createObjectURL(new Blob([page], { type: 'text/html' }))
    link.hidden = false
  } catch (e) { showError(e) }
}

await init()
buildTable()
$('report-text').addEventListener('input', checkText)
$('table3').addEventListener('input', (e) => { if (e.target.dataset.row) { readCell(e.target); checkTable() } })
$('year').addEventListener('input', () => { report.year = Number($('year').value); checkTable() })
$('upload').addEventListener('change', async (e) => {
  const file = e.target.files[0]
  if (file) { $('report-text').value = await file.text(); checkText() }
})
$('clear').addEventListener('click', () => { $('report-text').value = ''; checkText() })
$('due-form').addEventListener('submit', dueDate)
$('preview').addEventListener('click', preview)
$('status').textContent = '已就绪'
document.body.dataset.ready = 'true'
