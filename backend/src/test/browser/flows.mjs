// The console's flows in a real browser, as its people use it: Debian's Chromium driven by
// Playwright, against the real server ConsoleInBrowserTest started, with axe-core on every page
// visited. The test hands over the world it made (area, people) as JSON in YOUSAID_WORLD; when a
// flow needs something only the test can do (a family writing from the app, the tagger running,
// the mailbox), it asks on stdout ("@@ask {json}") and reads the answer as one line on stdin.
import { chromium } from 'playwright-core'
import { AxeBuilder } from '@axe-core/playwright'
import { createInterface } from 'node:readline'
import { writeFileSync, mkdirSync } from 'node:fs'

const world = JSON.parse(process.env.YOUSAID_WORLD)
const shots = process.env.YOUSAID_SHOTS || ''
const answers = createInterface({ input: process.stdin })[Symbol.asyncIterator]()

/** Asks the test to do something only it can, and waits for its answer. */
async function ask (name, args = {}) {
  process.stdout.write('@@ask ' + JSON.stringify({ name, ...args }) + '\n')
  const { value } = await answers.next()
  return JSON.parse(value)
}

const report = { pages: [], flows: [] }
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync']
})

/** Every page a flow lands on: its title says where you are, and axe finds nothing serious. */
async function looked (page, flow) {
  await page.waitForLoadState('load')
  const title = await page.title()
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze()
  const byImpact = { critical: 0, serious: 0, moderate: 0, minor: 0 }
  const rules = []
  for (const v of results.violations) {
    byImpact[v.impact] = (byImpact[v.impact] || 0) + 1
    rules.push(v.impact + ':' + v.id)
  }
  const path = new URL(page.url()).pathname
  report.pages.push({ flow, title, path, ...byImpact, rules })
  if (byImpact.critical || byImpact.serious) {
    const detail = results.violations.filter(v => v.impact === 'critical' || v.impact === 'serious')
      .map(v => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map(n => n.target.join(' ')).join(', ')}`).join('\n')
    throw new Error(`axe on "${title}" (${path}):\n${detail}`)
  }
  if (shots) {
    mkdirSync(shots, { recursive: true })
    const name = `${report.pages.length.toString().padStart(2, '0')}-${path.replace(/[^a-z0-9]+/gi, '_')}`
    for (const width of [1280, 320]) {
      await page.setViewportSize({ width, height: 900 })
      await page.screenshot({ path: `${shots}/${name}-${width}.png`, fullPage: true })
    }
    await page.setViewportSize({ width: 1280, height: 900 })
  }
  return title
}

/** A person in a fresh browser, signed in through the sign-in page with Firebase (email and password). */
async function signedIn (person, flow) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  page.setDefaultTimeout(15000)
  await page.goto(world.base + '/console/sign-in')
  await looked(page, flow)
  await page.getByLabel('Email address').fill(person.email)
  await page.getByLabel('Password').fill(person.password)
  await page.getByRole('button', { name: 'Sign in', exact: true }).click()
  await page.waitForURL(url => !url.pathname.endsWith('/sign-in'))
  return page
}

function expect (condition, words) {
  if (!condition) throw new Error(words)
}

const area = world.area
const flows = {
  async 'a family account is refused' () {
    const page = await signedIn(world.people.family, 'family refused')
    const title = await looked(page, 'family refused')
    expect(title.startsWith('The console is for staff'), `a family saw "${title}"`)
    expect((await page.context().cookies()).every(c => c.name !== 'yousaid_console_session'), 'a family kept a session cookie')
  },

  async 'a wrong password shows the error summary' () {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(world.base + '/console/sign-in')
    await page.getByLabel('Email address').fill(world.people.forumLead.email)
    await page.getByLabel('Password').fill('not the password')
    await page.getByRole('button', { name: 'Sign in', exact: true }).click()
    const summary = page.locator('#sign-in-problems')
    await summary.waitFor({ state: 'visible' })
    expect((await summary.textContent()).includes('The email address or password is not right'), 'no error summary')
    await page.getByRole('link', { name: 'The email address or password is not right' }).click()
    expect(await page.evaluate(() => document.activeElement.id) === 'password', 'the summary link does not reach the field')
    await looked(page, 'wrong password')
    await context.close()
  },

  async 'a forum lead signs in and opens both queues' () {
    const page = await signedIn(world.people.forumLead, 'forum lead')
    await looked(page, 'forum lead')
    await page.getByRole('link', { name: world.areaName }).click()
    await looked(page, 'forum lead')
    await page.getByRole('navigation').getByRole('link', { name: 'Review queue' }).click()
    expect((await looked(page, 'forum lead')).startsWith('Review queue'), 'not the review queue')
    await page.getByRole('navigation').getByRole('link', { name: 'Safeguarding' }).click()
    expect((await looked(page, 'forum lead')).startsWith('Safeguarding queue'), 'not the safeguarding queue')
    await page.context().close()
  },

  async 'a form posted without its token is refused' () {
    const page = await signedIn(world.people.forumLead, 'form token')
    // The browser's own cookies (session and form token) go with it; only the form's token is missing.
    const response = await page.request.post(world.base + '/console/sign-out', { form: { csrf: 'forged' }, maxRedirects: 0 })
    expect(response.status() === 403, `a forged sign-out answered ${response.status()}`)
    await page.goto(world.base + '/console')
    expect((await page.title()).startsWith('Your areas'), 'the forged form signed the lead out')
    await page.context().close()
  }
}

const only = process.env.YOUSAID_FLOWS ? process.env.YOUSAID_FLOWS.split(',') : Object.keys(flows)
let failed = 0
for (const name of only) {
  const started = Date.now()
  try {
    await flows[name]()
    report.flows.push({ name, ok: true, ms: Date.now() - started })
  } catch (error) {
    failed++
    report.flows.push({ name, ok: false, ms: Date.now() - started, error: String(error && error.stack || error) })
  }
}
await browser.close()
writeFileSync(process.env.YOUSAID_REPORT, JSON.stringify(report, null, 2))
process.exit(failed ? 1 : 0)
