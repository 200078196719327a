// The real platform exports live beside the repo in ../shared/samples/public: tests read them in place, never copy them.
// A checkout without that folder (GitHub's runners) skips just the tests that need them.
import { existsSync } from 'node:fs'

export const PUBLIC_SAMPLES_DIR = process.env.ORDERDOCK_PUBLIC_SAMPLES ?? '../shared/samples/public'
export const hasPublicSamples = existsSync(PUBLIC_SAMPLES_DIR)
