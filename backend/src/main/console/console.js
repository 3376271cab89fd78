// The console's only script: marks the page as able to run GOV.UK Frontend's components, then starts
// them. A file, not inline script, so the Content-Security-Policy can forbid inline script.
import { initAll } from './govuk-frontend.min.js'

document.body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()
