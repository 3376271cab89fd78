// Staff sign in with Firebase Authentication (email and password) in the browser; the ID token is
// posted once to the server, which answers with an HttpOnly session cookie. Nothing is kept in the
// browser's storage: the session cookie is the session, so Firebase's own persistence is in memory
// and is signed out as soon as the token has been handed over.
import { initializeApp } from 'firebase/app'
import {
  connectAuthEmulator, inMemoryPersistence, initializeAuth, signInWithEmailAndPassword, signOut
} from 'firebase/auth'

const form = document.getElementById('firebase-sign-in')
if (form) {
  const settings = form.dataset
  const app = initializeApp({ apiKey: settings.apiKey, authDomain: settings.authDomain, projectId: settings.projectId })
  const auth = initializeAuth(app, { persistence: inMemoryPersistence })
  if (settings.emulator) {
    connectAuthEmulator(auth, settings.emulator, { disableWarnings: true })
  }
  const session = document.getElementById('firebase-session')
  form.querySelector('button').disabled = false

  form.addEventListener('submit', async (event) => {
    event.preventDefault()
    clearProblems()
    const email = form.elements.email.value.trim()
    const password = form.elements.password.value
    const missing = []
    if (!email) missing.push(['email', 'Enter your email address'])
    if (!password) missing.push(['password', 'Enter your password'])
    if (missing.length) {
      showProblems(missing)
      return
    }
    try {
      const credential = await signInWithEmailAndPassword(auth, email, password)
      session.elements.idToken.value = await credential.user.getIdToken()
      await signOut(auth)
      session.submit()
    } catch (error) {
      showProblems([['password', wordsFor(error && error.code)]])
    }
  })
}

function wordsFor (code) {
  switch (code) {
    case 'auth/invalid-credential':
    case 'auth/invalid-login-credentials':
    case 'auth/wrong-password':
    case 'auth/user-not-found':
    case 'auth/invalid-email':
      return 'The email address or password is not right'
    case 'auth/user-disabled':
      return 'This account has been switched off. Ask your area admin.'
    case 'auth/too-many-requests':
      return 'Too many tries. Wait a few minutes, then try again.'
    case 'auth/network-request-failed':
      return 'Sign-in could not reach Firebase. Check your connection and try again.'
    default:
      return 'Sign-in did not work. Try again.'
  }
}

// The GOV.UK error summary and field errors, built from the page's own (hidden) summary so the
// words and markup stay in the template.
function showProblems (problems) {
  const summary = document.getElementById('sign-in-problems')
  const list = summary.querySelector('ul')
  list.replaceChildren()
  for (const [field, words] of problems) {
    const item = document.createElement('li')
    const link = document.createElement('a')
    link.href = '#' + field
    link.textContent = words
    item.append(link)
    list.append(item)
    const group = document.getElementById(field).closest('.govuk-form-group')
    group.classList.add('govuk-form-group--error')
    const message = group.querySelector('.govuk-error-message')
    message.querySelector('.ys-error-words').textContent = words
    message.hidden = false
  }
  document.title = 'Error: ' + document.title.replace(/^Error: /, '')
  summary.hidden = false
  summary.focus()
}

function clearProblems () {
  document.getElementById('sign-in-problems').hidden = true
  for (const group of form.querySelectorAll('.govuk-form-group--error')) {
    group.classList.remove('govuk-form-group--error')
    group.querySelector('.govuk-error-message').hidden = true
  }
}
