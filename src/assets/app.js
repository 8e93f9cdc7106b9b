// Progressive enhancement only: every journey works without this file.
import { initAll } from '/assets/bundles/govuk-frontend.min.js'

initAll()
