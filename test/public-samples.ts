// The real platform exports and the original API documents live beside the repo in ../shared: tests read them in
// place and never copy them. A checkout without that folder (GitHub's runners) skips just the tests that need them.
import { existsSync } from 'node:fs'

export const PUBLIC_SAMPLES_DIR = process.env.ORDERDOCK_PUBLIC_SAMPLES ?? '../shared/samples/public'
export const hasPublicSamples = existsSync(PUBLIC_SAMPLES_DIR)

export const API_REFERENCE_DIR = process.env.ORDERDOCK_API_REFERENCE ?? '../shared/reference'
export const hasApiReference = existsSync(API_REFERENCE_DIR)
