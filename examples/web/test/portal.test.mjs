// Loads the demo portal in headless Chromium (Debian's /usr/bin/chromium through playwright-core):
// pastes a clean report, plants a mistake in table 三, and expects the finding listed and its cell
// marked; then computes a reply deadline. Saves a screenshot (path printed; not committed).
import { test, before, after } from 'node:test'
import assert from 'node:assert/strict'
import { readFileSync, mkdirSync } from 'node:fs'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { start } from '../server.mjs'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium'
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync']
const SHOTS = join(process.env.CARGO_TARGET_DIR ?? join(repo, 'target'), 'web-demo')

let server, browser, page
const pageErrors = []

before(async () => {
  server = await start(0)
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS })
  page = await browser.newPage({ viewport: { width: 1400, height: 1100 } })
  page.on('pageerror', (e) => pageErrors.push(e))
  // No external assets: every request goes to the local server.
  page.on('request', (r) => { if (!r.url().startsWith(server.url)) pageErrors.push(new Error(`external request ${r.url()}`)) })
  await page.goto(server.url)
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 })
})

after(async () => {
  await browser?.close()
  await server?.close()
})

test('a planted mistake in table 三 is listed and its cell marked as you type', async () => {
  const clean = readFileSync(join(repo, 'examples', 'reports', 'demo-2021-previous.json'), 'utf8')
  await page.fill('#report-text', clean)
  await page.waitForFunction(() => document.querySelector('#summary').textContent !== '')
  assert.equal(await page.locator('td.finding-error').count(), 0, 'the clean report has no marked cell')
  assert.equal(await page.inputValue('input[data-row="granted"][data-column="natural_person"]'), String(JSON.parse(clean).requests.granted.natural_person))

  // Plant the mistake: one more 予以公开 for 自然人, so the row no longer adds up and table 三 no
  // longer balances.
  const before = Number(await page.inputValue('input[data-row="granted"][data-column="natural_person"]'))
  await page.fill('input[data-row="granted"][data-column="natural_person"]', String(before + 1))
  const finding = page.locator('#findings li.error[data-code^="table3."]').first()
  await finding.waitFor({ timeout: 5000 })
  assert.match(await finding.textContent(), /表三|予以公开|总计/)
  await page.locator('td.finding-error[data-row="granted"]').first().waitFor({ timeout: 5000 })
  assert.ok(await page.locator('td.finding-error[data-row="granted"]').count() >= 1, 'a cell of the granted row is marked')

  mkdirSync(SHOTS, { recursive: true })
  const shot = join(SHOTS, 'portal-findings.png')
  await page.screenshot({ path: shot, fullPage: true })
  console.log(`screenshot: ${shot}`)
})

test('an uploaded report with planted mistakes is checked and marked', async () => {
  await page.setInputFiles('#upload', join(repo, 'examples', 'reports', 'demo-2021.json'))
  // The upload replaces the report (of 2022, with its own planted mistake) by the one of 2023.
  await page.waitForFunction(() => document.querySelector('#year').value === '2023', null, { timeout: 5000 })
  const rowTotal = page.locator('#findings li.error[data-code="table3.row_total"]')
  await rowTotal.waitFor({ timeout: 5000 })
  assert.match(await page.inputValue('#report-text'), /"format": "2021"/)
  // The finding's own cell (location row · column) carries the mark.
  const where = (await rowTotal.locator('code').textContent()).match(/\[(\w+) · (\w+)\]/)
  assert.ok(where, 'the finding names its cell')
  assert.equal(await page.locator(`td.finding-error[data-row="${where[1]}"][data-column="${where[2]}"]`).count(), 1)
})

test('the report previewed in the official layout, as a portal publishes it', async () => {
  await page.setInputFiles('#upload', join(repo, 'examples', 'reports', 'demo-2021.json'))
  await page.waitForFunction(() => document.querySelector('#year').value === '2023', null, { timeout: 5000 })
  await page.click('#preview')
  const frame = page.frameLocator('#preview-frame')
  // The six sections under their official headings, tables 二 三 四 with captions.
  await frame.locator('h2').first().waitFor({ timeout: 5000 })
  const headings = await frame.locator('h2').allTextContents()
  assert.deepEqual(headings.map((h) => h.slice(0, 2)), ['一、', '二、', '三、', '四、', '五、', '六、'])
  assert.equal(await frame.locator('table caption').count(), 3)
  assert.match(await frame.locator('body').textContent(), /本报告中所列数据的统计期限自/)
  // The page is exactly what `zfxxgk render --to html` printed (examples/reports/demo-2021.html).
  const committed = readFileSync(join(repo, 'examples', 'reports', 'demo-2021.html'), 'utf8')
  assert.equal(await page.locator('#preview-frame').getAttribute('srcdoc'), committed)
  const shot = join(SHOTS, 'portal-official-layout.png')
  await page.locator('#preview-frame').screenshot({ path: shot })
  console.log(`screenshot: ${shot}`)
})

test('the reply deadline of an application received before 国庆', async () => {
  await page.fill('#received', '2025-09-26')
  await page.selectOption('#channel', 'online')
  await page.click('#due-form button[type="submit"]')
  await page.locator('#due-date').waitFor({ timeout: 5000 })
  assert.equal(await page.textContent('#due-date'), '2025-10-30')
  const text = await page.textContent('#due-result')
  assert.match(text, /国庆节/)
  assert.match(text, /调休上班日计入/)
  const shot = join(SHOTS, 'portal-due-date.png')
  await page.screenshot({ path: shot, fullPage: true })
  console.log(`screenshot: ${shot}`)
  assert.deepEqual(pageErrors, [])
})
