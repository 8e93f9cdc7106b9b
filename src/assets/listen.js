/* global document, window */
// "Listen to this page" on a family's own pages: reads the page's main content aloud with the
// browser's speech, in the page's language. Progressive enhancement: the button is hidden in the
// page, and shown only where the browser can speak. No inline script: the content security policy
// allows only files from this service.
const button = document.querySelector('[data-listen]')
const speech = window.speechSynthesis

if (button && speech && typeof window.SpeechSynthesisUtterance === 'function') {
  const listenText = button.textContent
  const stopText = button.getAttribute('data-listen-stop') || listenText
  const language = document.documentElement.getAttribute('lang') || 'en'

  // What a person reads: the main content, without the button itself or the explanations still closed.
  const words = () => {
    const main = document.querySelector('main')
    if (!main) return ''
    const copy = main.cloneNode(true)
    for (const skipped of copy.querySelectorAll('[data-listen], [hidden], details:not([open]) > :not(summary), script, style')) skipped.remove()
    return copy.textContent.replace(/\s+/g, ' ').trim()
  }

  const voiceFor = () => {
    const voices = speech.getVoices()
    return (
      voices.find((voice) => voice.lang.toLowerCase() === language.toLowerCase()) ||
      voices.find((voice) => voice.lang.toLowerCase().startsWith(`${language.toLowerCase()}-`))
    )
  }

  const stopped = () => {
    button.textContent = listenText
    button.setAttribute('aria-pressed', 'false')
  }

  button.addEventListener('click', () => {
    if (speech.speaking) {
      speech.cancel()
      stopped()
      return
    }
    const utterance = new window.SpeechSynthesisUtterance(words())
    utterance.lang = language
    const voice = voiceFor()
    if (voice) utterance.voice = voice
    utterance.addEventListener('end', stopped)
    utterance.addEventListener('error', stopped)
    button.textContent = stopText
    button.setAttribute('aria-pressed', 'true')
    speech.speak(utterance)
  })

  window.addEventListener('pagehide', () => speech.cancel())
  button.hidden = false
}
