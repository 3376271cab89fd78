// The console's only script: marks the page as able to run GOV.UK Frontend's components, then starts
// them. A file, not inline script, so the Content-Security-Policy can forbid inline script.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

// A forum lead's page hears of a new safeguarding case at once (AlertsStream), as a GOV.UK
// "important" banner in an assertive live region. Without script, nothing else on the page changes.
const alerts = document.querySelector('[data-alerts]')
if (alerts && 'EventSource' in window) {
  new EventSource(alerts.dataset.alerts).addEventListener('safeguarding-case', (event) => {
    const alert = JSON.parse(event.data)
    const line = part('p', 'govuk-notification-banner__heading',
      `New safeguarding case (criticality ${alert.criticality} of 5, flagged ${alert.flagged}) — `)
    const link = part('a', 'govuk-notification-banner__link', 'open the safeguarding queue')
    link.href = alert.queue
    line.append(link)
    banner().append(line)
  })
}

function banner () {
  let content = alerts.querySelector('.govuk-notification-banner__content')
  if (!content) {
    const box = part('div', 'govuk-notification-banner')
    box.setAttribute('role', 'region')
    box.setAttribute('aria-labelledby', 'ys-alerts-title')
    const header = part('div', 'govuk-notification-banner__header')
    const title = part('h2', 'govuk-notification-banner__title', 'Important')
    title.id = 'ys-alerts-title'
    header.append(title)
    content = part('div', 'govuk-notification-banner__content')
    box.append(header, content)
    alerts.append(box)
  }
  return content
}

function part (tag, className, text) {
  const node = document.createElement(tag)
  node.className = className
  if (text) node.textContent = text
  return node
}
