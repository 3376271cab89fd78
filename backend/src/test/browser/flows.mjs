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

/** The success banner a form leaves after it redirected back. */
async function done (page, words) {
  await page.locator('.govuk-notification-banner--success, .govuk-error-summary').first().waitFor({ state: 'visible' })
  const problem = page.locator('.govuk-error-summary')
  if (await problem.count()) {
    throw new Error(`"${await page.title()}" said: ${(await problem.textContent()).trim().replace(/\s+/g, ' ')}`)
  }
  const text = await page.locator('.govuk-notification-banner--success').textContent()
  expect(text.includes(words), `the page said "${text.trim().replace(/\s+/g, ' ')}", not "${words}"`)
}

/** Into the area, then a page of its navigation, as a person would click. */
async function open (page, name) {
  if (!new URL(page.url()).pathname.startsWith('/console/areas/')) {
    await page.getByRole('link', { name: world.areaName }).click()
  }
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click()
  return page
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

  async 'an area admin names the safeguarding contact and grants a role' () {
    const page = await signedIn(world.people.areaAdmin, 'area admin')
    await open(page, 'Area settings')
    await looked(page, 'area admin')
    const contact = page.getByRole('group', { name: 'Who to contact' })
    await contact.getByLabel('Name', { exact: true }).fill('Sam Patel')
    await contact.getByLabel('Role', { exact: true }).fill('Designated safeguarding lead')
    await contact.getByLabel('Phone number', { exact: true }).fill('01632 960 001')
    await contact.getByLabel('Email address', { exact: true }).fill('dsl@council.example.org')
    await page.getByRole('button', { name: 'Save settings' }).click()
    await done(page, 'settings were saved')
    await looked(page, 'area admin')

    await open(page, 'Members')
    await looked(page, 'area admin')
    await page.getByLabel('Their user ID').fill(world.people.newcomer.uid)
    await page.getByRole('radio', { name: 'Commissioner' }).check()
    await page.getByRole('button', { name: 'Give this role' }).click()
    await done(page, 'The role was saved')
    expect(await page.getByRole('cell', { name: world.people.newcomer.uid, exact: true }).count() === 1, 'the new commissioner is not listed')
    await looked(page, 'area admin')
    await page.context().close()

    // The person given the role finds the area on their next sign-in.
    const newcomer = await signedIn(world.people.newcomer, 'area admin')
    expect(await newcomer.getByRole('link', { name: world.areaName }).count() === 1, 'the newcomer does not see the area')
    await newcomer.context().close()
  },

  async 'a forum lead takes out words of their own and publishes' () {
    const { id } = await ask('comment', { area, uid: world.people.family.uid,
      body: 'Mrs Okafor at Riverside Primary has not returned our calls about the speech therapy in the plan for six weeks.' })
    await ask('analyse')
    const page = await signedIn(world.people.forumLead, 'desk')
    await open(page, 'Review queue')
    await page.locator(`a[href$="/${id}"]`).click()
    const item = page.url()
    await looked(page, 'desk')
    await page.getByRole('button', { name: 'Claim it' }).click()
    await page.getByLabel('Words to take out (1)').fill('Riverside Primary')
    await page.getByLabel('What they are (1)').selectOption('school')
    await page.getByRole('button', { name: 'Show what will be published' }).click()
    const preview = await page.locator('#preview-heading ~ .govuk-inset-text').first().textContent()
    expect(!preview.includes('Riverside'), `the preview still names the school: ${preview}`)
    await looked(page, 'desk')
    await page.getByRole('button', { name: 'Publish', exact: true }).click()
    await done(page, 'ublished')
    await looked(page, 'desk')
    await page.goto(item)
    const published = await page.locator('main').textContent()
    expect(published.includes('What was published') && !/Riverside Primary has/.test(published.split('What was published')[1]),
      'the published words still name the school')
    await page.context().close()
  },

  async 'a safeguarding case appears on an open page and in the mailbox and is escalated' () {
    const page = await signedIn(world.people.forumLead, 'safeguarding')
    // The page is listening once its own stream has answered. Waiting starts before the click: the
    // stream may answer before the click returns (every forum lead's page listens, so the stream
    // must be the one the safeguarding page opened).
    const listening = page.waitForResponse(r => r.url().endsWith(`/console/areas/${area}/alerts`) &&
      (r.request().headers().referer || '').endsWith(`/console/areas/${area}/safeguarding`), { timeout: 15000 })
    await open(page, 'Safeguarding')
    await listening
    const { id } = await ask('surveyAnswer', { area, commissioner: world.people.commissioner.uid, uid: world.people.family.uid,
      body: 'My daughter says she wants to die and has started cutting herself. Nobody at the hospital is listening.' })
    await ask('analyse')
    const alert = page.locator('.ys-alerts .govuk-notification-banner')
    await alert.waitFor({ state: 'visible', timeout: 10000 })
    const said = await alert.textContent()
    expect(said.includes('New safeguarding case') && !said.includes('daughter'), `the alert said "${said}"`)
    await looked(page, 'safeguarding')
    const mail = await ask('mailbox', { uid: world.people.forumLead.uid })
    expect(mail.subjects.length === 1 && !mail.subjects[0].includes('daughter'), `the lead's mailbox: ${JSON.stringify(mail)}`)

    await alert.getByRole('link', { name: 'open the safeguarding queue' }).click()
    await page.locator(`a[href*="${id}"]`).first().click()
    await looked(page, 'safeguarding')
    await page.getByLabel('What you passed on, and how').fill('Rang Sam Patel at 10:40 and read the answer out; she is calling the family today.')
    await page.getByRole('button', { name: /^Escalate to / }).click()
    await done(page, 'Escalated to')
    await looked(page, 'safeguarding')
    await page.context().close()
  },

  async 'a forum lead merges two themes' () {
    const page = await signedIn(world.people.forumLead, 'themes')
    await open(page, 'Themes')
    await looked(page, 'themes')
    const merging = page.getByRole('group', { name: 'Themes to merge' }).getByRole('checkbox')
    const names = []
    for (const n of [0, 1]) {
      const box = merging.nth(n)
      names.push(await page.locator(`label[for="${await box.getAttribute('id')}"]`).textContent())
      await box.check()
    }
    const into = await merging.nth(2).getAttribute('value')
    await page.getByLabel('Merge them into').selectOption(into)
    await page.getByRole('button', { name: 'Merge selected themes' }).click()
    await done(page, '')
    const active = await page.getByRole('group', { name: 'Themes to merge' }).textContent()
    expect(names.every(n => !active.includes(n.trim())), `merged themes still offered: ${names}`)
    await looked(page, 'themes')
    await page.context().close()
  },

  async 'a commissioner starts a survey from a template, edits and publishes it' () {
    const page = await signedIn(world.people.commissioner, 'commissioner')
    await open(page, 'Surveys')
    await looked(page, 'commissioner')
    await page.getByRole('group', { name: 'Which template?' }).getByRole('radio').first().check()
    await page.getByRole('button', { name: 'Start a draft from this template' }).click()
    await looked(page, 'commissioner')
    await page.getByLabel('Title', { exact: true }).fill('Equipment: how long did you wait? (spring 2027)')
    await page.getByRole('button', { name: 'Save draft' }).first().click()
    await done(page, '')
    await page.getByRole('button', { name: /^Publish version / }).click()
    await done(page, '')
    await looked(page, 'commissioner')
    await page.getByRole('link', { name: 'See the results of this survey' }).click()
    await looked(page, 'commissioner')
    await open(page, 'Invitations')
    await looked(page, 'commissioner')
    await page.context().close()
  },

  async 'a commissioner drafts a response, the forum signs it off, it is published and its action done' () {
    const { theme } = await ask('publishedComment', { area, uid: world.people.family.uid, lead: world.people.forumLead.uid,
      body: 'We waited nine months for a specialist seat and nobody could tell us where the order was.' })
    const page = await signedIn(world.people.commissioner, 'response')
    await open(page, 'You said, we did')
    await looked(page, 'response')
    await page.getByRole('button', { name: 'Start a response' }).click()
    await looked(page, 'response')
    await page.getByLabel('Title').fill('Seats and wheelchairs without the long wait')
    await page.getByLabel('You said: what families told us').fill('Families told us they wait months for seats and wheelchairs and cannot find out where the order is.')
    await page.getByLabel('We did: what has changed, or will').fill('We have opened a second wheelchair clinic. You can now see where your order is by ringing one number.')
    await page.locator(`input[name="themes"][value="${theme}"]`).check()
    await page.getByRole('button', { name: 'Save the draft' }).click()
    await done(page, '')
    const response = page.url().split('?')[0]
    // The family's published words on the theme can now be cited.
    const cite = page.getByRole('group', { name: "Families' words it cites" }).getByRole('combobox').first()
    await cite.selectOption({ index: 1 })
    await page.getByRole('button', { name: 'Save changes' }).click()
    await done(page, '')
    await page.getByLabel('What will be done').fill('Open a second wheelchair clinic on Saturdays')
    await page.getByLabel('Who owns it').selectOption({ index: 1 })
    await page.getByLabel('Starts on').fill(new Date().toISOString().slice(0, 10))
    await page.getByLabel('Due by').fill(new Date(Date.now() + 90 * 864e5).toISOString().slice(0, 10))
    await page.getByRole('button', { name: 'Add the action' }).click()
    await done(page, '')
    await page.getByRole('button', { name: 'Send to the forum for sign-off' }).click()
    await done(page, '')
    await looked(page, 'response')
    await page.context().close()

    const lead = await signedIn(world.people.forumLead, 'response')
    await open(lead, 'You said, we did')
    await looked(lead, 'response')
    await lead.getByRole('link', { name: 'Seats and wheelchairs without the long wait' }).click()
    await looked(lead, 'response')
    await lead.getByRole('button', { name: 'Sign it off' }).click()
    await done(lead, '')
    await lead.context().close()

    const again = await signedIn(world.people.commissioner, 'response')
    await again.goto(response)
    await again.getByRole('button', { name: 'Publish to families' }).click()
    await done(again, '')
    await looked(again, 'response')
    await again.getByLabel('Status of action 1').selectOption({ label: 'Done' })
    await again.getByRole('button', { name: 'Save progress of action 1' }).click()
    await done(again, '')
    await looked(again, 'response')
    await again.context().close()
  },

  async 'a commissioner reads the outcomes, the loop and the board report, and downloads it' () {
    const page = await signedIn(world.people.commissioner, 'report')
    for (const name of ['Outcomes', 'Loop metrics', 'Board report']) {
      await open(page, name)
      await looked(page, 'report')
    }
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the report as a PDF/ }).click()])
    const pdfBytes = await (await import('node:fs/promises')).readFile(await pdf.path())
    expect(pdfBytes.subarray(0, 5).toString() === '%PDF-', 'the report download is not a PDF')
    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: /Download the figures as a spreadsheet/ }).click()])
    expect((await (await import('node:fs/promises')).readFile(await csv.path(), 'utf8')).length > 0, 'the CSV is empty')
    await page.context().close()
  },

  async 'every other page of each role passes axe' () {
    const lead = await signedIn(world.people.forumLead, 'every page')
    for (const name of ['Similar words', 'Theme model', 'Audit log', 'Themes']) {
      await open(lead, name)
      await looked(lead, 'every page')
    }
    await lead.getByRole('table').first().getByRole('link').first().click()
    await looked(lead, 'every page')
    await open(lead, 'Themes')
    await lead.getByRole('link', { name: 'See every change to the themes' }).click()
    await looked(lead, 'every page')
    await lead.context().close()

    const admin = await signedIn(world.people.areaAdmin, 'every page')
    for (const name of ['Push outbox', 'Audit log', 'Members']) {
      await open(admin, name)
      await looked(admin, 'every page')
    }
    await admin.getByRole('link', { name: /^Change role/ }).first().click()
    await looked(admin, 'every page')
    await admin.context().close()

    const commissioner = await signedIn(world.people.commissioner, 'every page')
    await open(commissioner, 'Invitations')
    const log = commissioner.getByRole('table').first().getByRole('link').first()
    if (await log.count()) {
      await log.click()
      await looked(commissioner, 'every page')
    }
    // A page of another role's is refused with a page that says so.
    await commissioner.goto(world.base + `/console/areas/${area}/members`)
    expect((await looked(commissioner, 'every page')).length > 0, 'no refusal page')
    await commissioner.context().close()
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

const only = process.env.YOUSAID_FLOWS ? process.env.YOUSAID_FLOWS.split('|') : Object.keys(flows)
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
